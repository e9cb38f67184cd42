package io.sagaref.order.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.sagaref.order.Order;
import io.sagaref.order.OrderId;
import io.sagaref.order.Orders;
import io.sagaref.order.PendingOrders;
import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/**
 * Spring Data's implementation of {@link Orders}; the queries that need more than a
 * derived name are spelled out here. An order's id is stored as a plain UUID (JPA
 * converts no id attribute), so the typed lookups unwrap it.
 */
interface JpaOrders extends Orders, Repository<Order, UUID>, OrderStatuses {

	Optional<Order> findById(UUID id);

	@Override
	default Optional<Order> findById(OrderId id) {
		return findById(id.value());
	}

	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select o from Order o where o.id = :id")
	Optional<Order> lockRowById(UUID id);

	@Override
	default Optional<Order> lockById(OrderId id) {
		return lockRowById(id.value());
	}

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
