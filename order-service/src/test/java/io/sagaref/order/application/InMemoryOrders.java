package io.sagaref.order.application;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import io.sagaref.order.Order;
import io.sagaref.order.OrderId;
import io.sagaref.order.OrderStatus;
import io.sagaref.order.Orders;
import io.sagaref.order.PendingOrders;

/**
 * {@link Orders} in a map, for use-case tests without a database. Orders are held as the
 * objects saved, as a persistence context holds managed entities; saving again after a
 * change publishes it to other threads.
 */
class InMemoryOrders implements Orders {

	private final Map<OrderId, Order> orders = new ConcurrentHashMap<>();

	@Override
	public Optional<Order> findById(OrderId id) {
		return Optional.ofNullable(this.orders.get(id));
	}

	@Override
	public Optional<Order> findByIdempotencyKey(String idempotencyKey) {
		return this.orders.values()
			.stream()
			.filter((order) -> order.idempotencyKey().filter(idempotencyKey::equals).isPresent())
			.findFirst();
	}

	@Override
	public Optional<Order> lockById(OrderId id) {
		return findById(id);
	}

	@Override
	public Optional<OrderStatus> statusOf(OrderId id) {
		return findById(id).map(Order::status);
	}

	@Override
	public List<Order> lockPendingPlacedBefore(Instant placedBefore, int limit) {
		return findPendingPlacedBefore(placedBefore, limit);
	}

	@Override
	public List<Order> findPendingPlacedBefore(Instant placedBefore, int limit) {
		return pending().filter((order) -> order.placedAt().isBefore(placedBefore)).limit(limit).toList();
	}

	@Override
	public PendingOrders pendingOrders() {
		List<Order> pending = pending().toList();
		return new PendingOrders(pending.size(), pending.isEmpty() ? null : pending.get(0).placedAt());
	}

	@Override
	public Order save(Order order) {
		this.orders.put(order.id(), order);
		return order;
	}

	int count() {
		return this.orders.size();
	}

	private Stream<Order> pending() {
		return this.orders.values().stream().filter(Order::isPending).sorted(Comparator.comparing(Order::placedAt));
	}

}
