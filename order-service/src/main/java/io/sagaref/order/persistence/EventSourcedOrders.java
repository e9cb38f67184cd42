package io.sagaref.order.persistence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.sagaref.eventstore.EventStore;
import io.sagaref.eventstore.Folded;
import io.sagaref.eventstore.Snapshots;
import io.sagaref.eventstore.StoredEvent;
import io.sagaref.eventstore.StreamLoader;
import io.sagaref.order.HistoryEntry;
import io.sagaref.order.Order;
import io.sagaref.order.OrderId;
import io.sagaref.order.OrderStatus;
import io.sagaref.order.Orders;
import io.sagaref.order.PendingOrders;
import io.sagaref.order.StateRebuilt;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * {@link Orders} on the event store: each order's stream is its truth, folded (from the
 * newest snapshot on) whenever a command or a history read needs the order; its current
 * state row is written beside every append, in the same transaction, and serves the reads
 * that need no fold.
 */
@Component
class EventSourcedOrders implements Orders {

	private static final int REBUILD_BATCH = 500;

	private final StreamLoader streams;

	private final EventStore store;

	private final Snapshots snapshots;

	private final OrderStream stream;

	private final OrderRows rows;

	private final TransactionScope scope;

	private final int snapshotEvery;

	EventSourcedOrders(StreamLoader streams, EventStore store, Snapshots snapshots, OrderStream stream, OrderRows rows,
			@Value("${saga.event-store.snapshot-every:50}") int snapshotEvery) {
		this.streams = streams;
		this.store = store;
		this.snapshots = snapshots;
		this.stream = stream;
		this.rows = rows;
		this.scope = new TransactionScope(rows::updateAll);
		this.snapshotEvery = snapshotEvery;
	}

	@Override
	public Optional<Order> findById(OrderId id) {
		return this.streams.load(this.stream, id.toString()).map(Folded::state);
	}

	@Override
	public Optional<Order> findAsOf(OrderId id, Instant asOf) {
		return this.streams.loadAsOf(this.stream, id.toString(), asOf).map(Folded::state);
	}

	@Override
	public List<HistoryEntry> history(OrderId id) {
		return this.store.readStream(id.toString(), 0)
			.stream()
			.map((event) -> new HistoryEntry(event.streamVersion(), event.type(), event.version(), event.recordedAt(),
					this.stream.dataOf(event)))
			.toList();
	}

	@Override
	public Optional<Order> findByIdempotencyKey(String idempotencyKey) {
		return this.rows.findByIdempotencyKey(idempotencyKey);
	}

	@Override
	public Optional<Order> lockById(OrderId id) {
		Optional<Long> version = this.scope.lockedVersion(id).or(() -> this.rows.lock(id));
		version.ifPresent((locked) -> this.scope.locked(Map.of(id, locked)));
		return version.flatMap((locked) -> load(id, locked));
	}

	@Override
	public void lockAll(Collection<OrderId> ids) {
		this.scope.locked(this.rows.lockAll(ids));
	}

	@Override
	public Optional<OrderStatus> statusOf(OrderId id) {
		return this.rows.statusOf(id);
	}

	@Override
	public List<Order> lockPendingPlacedBefore(Instant placedBefore, int limit) {
		Map<OrderId, Long> locked = this.rows.lockPendingPlacedBefore(placedBefore, limit);
		this.scope.locked(locked);
		return locked.entrySet()
			.stream()
			.map((order) -> load(order.getKey(), order.getValue()))
			.flatMap(Optional::stream)
			.toList();
	}

	@Override
	public List<Order> findPendingPlacedBefore(Instant placedBefore, int limit) {
		return this.rows.findPendingPlacedBefore(placedBefore, limit);
	}

	@Override
	public PendingOrders pendingOrders() {
		return this.rows.pendingOrders();
	}

	@Override
	public Order save(Order order) {
		if (order.recordedEvents().isEmpty()) {
			return order;
		}
		long expected = order.loadedVersion();
		Folded<Order> current = (expected == 0) ? null : this.scope.loaded(order.id(), expected)
			.orElseGet(() -> new Folded<>(order, expected, order.updatedAt(), 0, false));
		Order stored = this.streams
			.append(this.stream, order.id().toString(), current, this.stream.newEvents(order),
					this.stream.metadataOf(order))
			.state()
			.state();
		if (expected == 0) {
			this.rows.insert(stored);
		}
		else {
			this.scope.changed(stored);
		}
		return stored;
	}

	@Override
	public StateRebuilt rebuildCurrentState() {
		this.rows.lockAndDeleteAll();
		this.snapshots.deleteAll(OrderStream.TYPE);
		List<String> ids = this.store.streamIds(OrderStream.TYPE);
		long events = 0;
		List<Order> batch = new ArrayList<>(REBUILD_BATCH);
		for (String id : ids) {
			Order order = null;
			for (StoredEvent event : this.store.readStream(id, 0)) {
				order = this.stream.fold(order, event);
				events++;
			}
			if (order != null) {
				batch.add(order);
			}
			if (batch.size() == REBUILD_BATCH) {
				this.rows.insertAll(batch);
				batch.clear();
			}
		}
		if (!batch.isEmpty()) {
			this.rows.insertAll(batch);
		}
		return new StateRebuilt(ids.size(), events);
	}

	/**
	 * Folds a locked order's stream. Below the first snapshot's version (known from the
	 * locked row) there is no snapshot to look for, so the stream is read at once: one
	 * statement instead of two for every order younger than
	 * {@code saga.event-store.snapshot-every} events, which is nearly every order.
	 */
	private Optional<Order> load(OrderId id, long lockedVersion) {
		Optional<Folded<Order>> folded = (this.snapshotEvery == 0 || lockedVersion < this.snapshotEvery)
				? foldFromStart(id) : this.streams.load(this.stream, id.toString());
		folded.ifPresent((loaded) -> this.scope.loaded(id, loaded));
		return folded.map(Folded::state);
	}

	private Optional<Folded<Order>> foldFromStart(OrderId id) {
		List<StoredEvent> events = this.store.readStream(id.toString(), 0);
		Order order = null;
		for (StoredEvent event : events) {
			order = this.stream.fold(order, event);
		}
		if (order == null) {
			return Optional.empty();
		}
		StoredEvent last = events.get(events.size() - 1);
		return Optional.of(new Folded<>(order, last.streamVersion(), last.recordedAt(), events.size(), false));
	}

}
