package io.sagaref.orderquery.persistence;

import java.util.Optional;
import java.util.UUID;

import io.sagaref.orderquery.OrderView;
import io.sagaref.orderquery.OrderViews;
import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/**
 * Stores order views with JPA; also answers the filtered, paged listing.
 */
public interface JpaOrderViews extends OrderViews, Repository<OrderView, UUID>, JpaSpecificationExecutor<OrderView> {

	@Override
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select v from OrderView v where v.orderId = :orderId")
	Optional<OrderView> findForUpdate(UUID orderId);

}
