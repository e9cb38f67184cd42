package io.sagaref.order.application;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import io.sagaref.eventstore.ConcurrencyConflictException;
import io.sagaref.messaging.EventEnvelope;
import io.sagaref.messaging.testing.RecordingOutbox;
import io.sagaref.order.HistoryEntry;
import io.sagaref.order.Order;
import io.sagaref.order.OrderEvent;
import io.sagaref.order.OrderId;
import io.sagaref.order.OrderStatus;
import io.sagaref.order.Orders;
import io.sagaref.order.PendingOrders;
import io.sagaref.order.RecordedEvent;
import io.sagaref.order.StateRebuilt;

/**
 * {@link Orders} in memory, for use-case tests without a database: each order's stream as
 * a list of events with the time they were stored, and the order itself as the object
 * saved (as a loaded aggregate). Saving appends the recorded events at the version the
 * order was loaded at (a stream that moved on is a conflict, as in the store) and keeps
 * the envelope the relay would publish for each.
 */
class InMemoryOrders implements Orders {

	private final Map<OrderId, Order> orders = new ConcurrentHashMap<>();

	private final Map<OrderId, List<Stored>> streams = new ConcurrentHashMap<>();

	private final List<EventEnvelope> published = new CopyOnWriteArrayList<>();

	private final Clock clock;

	InMemoryOrders() {
		this(Clock.systemUTC());
	}

	InMemoryOrders(Clock clock) {
		this.clock = clock;
	}

	@Override
	public Optional<Order> findById(OrderId id) {
		return Optional.ofNullable(this.orders.get(id));
	}

	@Override
	public Optional<Order> findAsOf(OrderId id, Instant asOf) {
		Order order = null;
		for (Stored stored : this.streams.getOrDefault(id, List.of())) {
			if (!stored.at().isAfter(asOf)) {
				order = Order.fold(order, stored.event().event(), stored.event().sequence(), stored.at());
			}
		}
		return Optional.ofNullable(order);
	}

	@Override
	public List<HistoryEntry> history(OrderId id) {
		return this.streams.getOrDefault(id, List.of())
			.stream()
			.map((stored) -> new HistoryEntry(stored.event().sequence(), type(stored.event().event()), 1, stored.at(),
					RecordingOutbox.JSON.writeValueAsString(stored.event().event())))
			.toList();
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
	public void lockAll(Collection<OrderId> ids) {
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
		List<RecordedEvent<OrderEvent>> recorded = order.recordedEvents();
		List<Stored> stream = this.streams.computeIfAbsent(order.id(), (id) -> new CopyOnWriteArrayList<>());
		synchronized (stream) {
			if (stream.size() != order.loadedVersion()) {
				throw new ConcurrencyConflictException(order.id().toString(), order.loadedVersion(), null);
			}
			Instant now = this.clock.instant();
			for (RecordedEvent<OrderEvent> event : recorded) {
				stream.add(new Stored(event, now));
				this.published.add(envelope(event, now));
			}
		}
		this.orders.put(order.id(), order);
		return order;
	}

	@Override
	public StateRebuilt rebuildCurrentState() {
		long events = this.streams.values().stream().mapToLong(List::size).sum();
		return new StateRebuilt(this.streams.size(), events);
	}

	/**
	 * @return what the relay would have published so far, in order
	 */
	List<EventEnvelope> published() {
		return List.copyOf(this.published);
	}

	List<String> publishedTypes() {
		return this.published.stream().map(EventEnvelope::type).toList();
	}

	int count() {
		return this.orders.size();
	}

	private Stream<Order> pending() {
		return this.orders.values().stream().filter(Order::isPending).sorted(Comparator.comparing(Order::placedAt));
	}

	private static EventEnvelope envelope(RecordedEvent<OrderEvent> event, Instant at) {
		return new EventEnvelope(UUID.randomUUID(), type(event.event()), 1, at, "order-service", event.aggregateId(),
				event.sequence(), event.aggregateId(), null, RecordingOutbox.JSON.valueToTree(event.event()));
	}

	private static String type(OrderEvent event) {
		return event.getClass().getSimpleName();
	}

	private record Stored(RecordedEvent<OrderEvent> event, Instant at) {
	}

	/**
	 * Fails the next saves with a concurrency conflict, as if another writer came first.
	 */
	static final class Conflicting extends InMemoryOrders {

		private int conflicts;

		Conflicting(Clock clock) {
			super(clock);
		}

		void conflictOnNext(int saves) {
			this.conflicts = saves;
		}

		@Override
		public Order save(Order order) {
			if (this.conflicts > 0 && !order.recordedEvents().isEmpty()) {
				this.conflicts--;
				throw new ConcurrencyConflictException(order.id().toString(), order.loadedVersion(), null);
			}
			return super.save(order);
		}

	}

}
