package io.sagaref.order;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * All orders. Each order's event stream is the source of truth; the current state of
 * every order (its row) is derived from it in the same transaction and serves the lookups
 * that need no stream: idempotency, status, pending orders. The persistence adapter
 * implements it.
 */
public interface Orders {

	/**
	 * @param id the order
	 * @return the order folded from its stream
	 */
	Optional<Order> findById(OrderId id);

	/**
	 * @param id the order
	 * @param asOf the instant, inclusive
	 * @return the order as it stood then, empty if it was not placed yet
	 */
	Optional<Order> findAsOf(OrderId id, Instant asOf);

	/**
	 * @param id the order
	 * @return the events of its stream, oldest first, empty if there is no such order
	 */
	List<HistoryEntry> history(OrderId id);

	/**
	 * @param idempotencyKey a client's key
	 * @return the order placed under it, from its current state
	 */
	Optional<Order> findByIdempotencyKey(String idempotencyKey);

	/**
	 * Locks the order until the transaction ends, so commands on it wait for each other,
	 * and folds its stream.
	 * @param id the order
	 * @return the order
	 */
	Optional<Order> lockById(OrderId id);

	/**
	 * Locks several orders in one statement, in a fixed order so that two transactions
	 * locking overlapping sets wait instead of deadlocking; a later {@link #lockById} of
	 * one of them in the same transaction does not lock it again.
	 * @param ids the orders
	 */
	void lockAll(Collection<OrderId> ids);

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
	 * @return PENDING orders placed before the cut-off, oldest first, from their current
	 * state
	 */
	List<Order> findPendingPlacedBefore(Instant placedBefore, int limit);

	/**
	 * @return the count of PENDING orders and the oldest one's placement time, read from
	 * the partial index on pending orders
	 */
	PendingOrders pendingOrders();

	/**
	 * Appends the events the order recorded since it was loaded to its stream (published
	 * from there on {@code orders.events}) and brings its current state up to date, in
	 * the caller's transaction. The events stay with the order, to be announced.
	 * @param order the placed or loaded and changed order
	 * @return the order as stored, its times those the store recorded
	 * @throws IllegalStateException (a concurrency conflict) if its stream moved on since
	 * it was loaded
	 */
	Order save(Order order);

	/**
	 * Drops the current state of every order and its snapshots and derives it again from
	 * the streams alone, in the caller's transaction, while commands wait.
	 * @return how much was folded
	 */
	StateRebuilt rebuildCurrentState();

}
