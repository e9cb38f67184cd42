package io.sagaref.orderquery;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.dao.OptimisticLockingFailureException;

/**
 * The read model's store in memory, for tests of the projection's decisions: it keeps
 * what was saved as snapshots (a view handed out is a fresh copy, as a row read from
 * Postgres is), writes a view only over the version it was read with, and counts the
 * calls so a test can see how a poll was batched.
 */
public class InMemoryOrderViews implements OrderViews {

	private final Map<OrderId, Snapshot> views = new LinkedHashMap<>();

	private final List<TimelineEntry> timeline = new ArrayList<>();

	private final List<RecordedEvent> history = new ArrayList<>();

	private final List<List<ViewChange>> saves = new ArrayList<>();

	private int locks;

	@Override
	public Map<OrderId, OrderView> lockAll(Collection<OrderId> orderIds) {
		this.locks++;
		Map<OrderId, OrderView> found = new LinkedHashMap<>();
		orderIds.stream().filter(this.views::containsKey).forEach((id) -> found.put(id, this.views.get(id).restore()));
		return found;
	}

	@Override
	public void saveAll(Collection<ViewChange> changes, List<RecordedEvent> applied) {
		for (ViewChange change : changes) {
			OrderView view = change.view();
			Snapshot stored = this.views.get(view.orderId());
			long storedVersion = (stored != null) ? stored.state().version() : 0;
			if (storedVersion != view.version()) {
				throw new OptimisticLockingFailureException(
						"The view of order " + view.orderId() + " was stored by another transaction");
			}
		}
		changes.forEach((change) -> this.views.put(change.view().orderId(), Snapshot.of(change.view())));
		this.history.addAll(applied);
		applied.forEach((event) -> this.timeline.add(TimelineEntry.of(event)));
		this.saves.add(List.copyOf(changes));
	}

	@Override
	public Optional<OrderDetails> details(OrderId orderId) {
		return Optional.ofNullable(this.views.get(orderId))
			.map((stored) -> new OrderDetails(stored.restore(),
					this.timeline.stream()
						.filter((entry) -> entry.orderId().equals(orderId))
						.sorted(Comparator.comparing(TimelineEntry::at)
							.thenComparing(TimelineEntry::source)
							.thenComparing(TimelineEntry::sequence))
						.toList()));
	}

	@Override
	public List<StoredEvent> inStoreOrder(OrderId orderId) {
		return this.history.stream()
			.filter((event) -> event.orderId().equals(orderId))
			.map((event) -> new StoredEvent(event, event.occurredAt()))
			.toList();
	}

	@Override
	public List<RecordedEvent> history(OrderId orderId) {
		return this.history.stream()
			.filter((event) -> event.orderId().equals(orderId))
			.sorted(Comparator.comparing(RecordedEvent::occurredAt)
				.thenComparing((event) -> event.source().serviceName())
				.thenComparing(RecordedEvent::sequence))
			.toList();
	}

	@Override
	public long lastSequence(OrderId orderId, Source source) {
		Snapshot stored = this.views.get(orderId);
		return (stored != null) ? stored.state().sequences().last(source) : 0;
	}

	@Override
	public Optional<Instant> newestEventAt() {
		return this.timeline.stream().map(TimelineEntry::at).max(Instant::compareTo);
	}

	@Override
	public ViewPage page(@Nullable CustomerId customerId, @Nullable OrderStatus status, int page, int size) {
		List<OrderView> matching = this.views.values()
			.stream()
			.map(Snapshot::restore)
			.filter((view) -> customerId == null || customerId.equals(view.customerId()))
			.filter((view) -> status == null || status == view.status())
			.sorted(Comparator.comparing(OrderView::placedAt, Comparator.nullsLast(Comparator.<Instant>reverseOrder()))
				.thenComparing((view) -> view.orderId().value()))
			.toList();
		List<OrderView> content = matching.stream().skip((long) page * size).limit(size).toList();
		return new ViewPage(content, page, size, matching.size());
	}

	/**
	 * @return every {@link #saveAll} call's changes, in order
	 */
	public List<List<ViewChange>> saves() {
		return List.copyOf(this.saves);
	}

	/**
	 * @return how many times views were read and locked
	 */
	public int locks() {
		return this.locks;
	}

	/**
	 * @return every timeline entry stored, in the order appended
	 */
	public List<TimelineEntry> timeline() {
		return List.copyOf(this.timeline);
	}

	/** A view as stored: its columns, lines and shortages. */
	private record Snapshot(OrderView.Stored state, List<Line> lines, List<Shortage> shortages) {

		static Snapshot of(OrderView view) {
			return new Snapshot(
					new OrderView.Stored(view.orderId(), view.customerId(), view.status(), view.total(),
							view.rejectionReason(), view.payment(), view.stock(), view.placedAt(), view.updatedAt(),
							new SourceSequences(view.lastSequence(Source.ORDER_SERVICE),
									view.lastSequence(Source.PAYMENT_SERVICE),
									view.lastSequence(Source.INVENTORY_SERVICE)),
							view.version() + 1),
					view.lines(), view.shortages());
		}

		OrderView restore() {
			return OrderView.restore(this.state, this.lines, this.shortages);
		}

	}

}
