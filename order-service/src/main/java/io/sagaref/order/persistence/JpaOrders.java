package io.sagaref.order.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.sagaref.order.Order;
import io.sagaref.order.Orders;
import io.sagaref.order.PendingOrders;
import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/**
 * Spring Data's implementation of {@link Orders}; the queries that need more than a
 * derived name are spelled out here.
 */
interface JpaOrders extends Orders, Repository<Order, UUID>, OrderStatuses {

	@Override
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select o from Order o where o.id = :id")
	Optional<Order> lockById(UUID id);

	@Override
	@Query(value = """
			select * from orders where status = 'PENDING' and placed_at < :placedBefore
			order by placed_at limit :limit for update skip locked""", nativeQuery = true)
	List<Order> lockPendingPlacedBefore(Instant placedBefore, int limit);

	@Override
	@Query(value = """
			select * from orders where status = 'PENDING' and placed_at < :placedBefore
			order by placed_at limit :limit""", nativeQuery = true)
	List<Order> findPendingPlacedBefore(Instant placedBefore, int limit);

	@Override
	@Query("""
			select new io.sagaref.order.PendingOrders(count(o), min(o.placedAt)) from Order o
			where o.status = io.sagaref.order.OrderStatus.PENDING""")
	PendingOrders pendingOrders();

}
