package io.sagaref.order;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * All orders. The domain's view of their storage; the persistence adapter implements it.
 */
public interface Orders {

	Optional<Order> findById(OrderId id);

	Optional<Order> findByIdempotencyKey(String idempotencyKey);

	/**
	 * @param id the order
	 * @return the order, locked for update until the transaction ends
	 */
	Optional<Order> lockById(OrderId id);

	/**
	 * @param id the order
	 * @return only its status, the cheap read behind status polling
	 */
	Optional<OrderStatus> statusOf(OrderId id);

	/**
	 * Locks the oldest PENDING orders placed before a time, skipping those another
	 * transaction holds, so several instances can work through them side by side.
	 * @param placedBefore the cut-off
	 * @param limit most orders to return
	 * @return the locked orders, oldest first
	 */
	List<Order> lockPendingPlacedBefore(Instant placedBefore, int limit);

	/**
	 * @param placedBefore the cut-off
	 * @param limit most orders to return
	 * @return PENDING orders placed before the cut-off, oldest first
	 */
	List<Order> findPendingPlacedBefore(Instant placedBefore, int limit);

	/**
	 * @return the count of PENDING orders and the oldest one's placement time, read from
	 * the partial index on pending orders
	 */
	PendingOrders pendingOrders();

	Order save(Order order);

}
