package io.sagaref.orderquery.application;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.sagaref.orderquery.Line;
import io.sagaref.orderquery.OrderId;
import io.sagaref.orderquery.OrderView;
import io.sagaref.orderquery.OrderViews;
import io.sagaref.orderquery.OrderViews.ViewChange;
import io.sagaref.orderquery.RecordedEvent;
import io.sagaref.orderquery.Shortage;
import io.sagaref.orderquery.TimelineEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Applies saga events to order views: the only writer of the read model. The events of
 * one transaction (a consumer's poll) are collected and folded just before it commits:
 * the views they touch are read and locked in one statement (sorted by order id, so two
 * transactions never lock in opposite orders), folded in memory in the order the events
 * came, and written back in a few batched statements. A poll therefore costs the same
 * handful of statements whether it holds one event or five hundred.
 */
@Service
public class OrderProjection {

	private static final Logger log = LoggerFactory.getLogger(OrderProjection.class);

	private final OrderViews views;

	public OrderProjection(OrderViews views) {
		this.views = views;
	}

	/**
	 * Folds an event into its order's view when the transaction commits, creating the
	 * view if this is the first event about the order, and adds it to the timeline. Stale
	 * events change nothing.
	 * @param recorded the event
	 */
	@Transactional
	public void apply(RecordedEvent recorded) {
		var pending = (Pending) TransactionSynchronizationManager.getResource(this);
		if (pending == null) {
			pending = new Pending();
			TransactionSynchronizationManager.bindResource(this, pending);
			TransactionSynchronizationManager.registerSynchronization(pending);
		}
		pending.events.add(recorded);
	}

	private void fold(List<RecordedEvent> events) {
		Set<OrderId> orderIds = new LinkedHashSet<>();
		events.forEach((event) -> orderIds.add(event.orderId()));
		Map<OrderId, OrderView> stored = this.views.lockAll(orderIds);
		Map<OrderId, Folded> folded = new LinkedHashMap<>();
		List<TimelineEntry> entries = new ArrayList<>();
		for (RecordedEvent event : events) {
			Folded view = folded.computeIfAbsent(event.orderId(),
					(id) -> new Folded(stored.getOrDefault(id, new OrderView(id))));
			if (view.view.apply(event)) {
				view.changed = true;
				entries.add(TimelineEntry.of(event));
			}
			else {
				log.debug("Ignored stale {} #{} from {} for order {}", event.event().type(), event.sequence(),
						event.source().serviceName(), event.orderId());
			}
		}
		List<ViewChange> changes = folded.values().stream().filter((view) -> view.changed).map(Folded::change).toList();
		if (!changes.isEmpty()) {
			this.views.saveAll(changes, entries);
		}
	}

	/** A view being folded, with its collections as read. */
	private static final class Folded {

		private final OrderView view;

		private final List<Line> lines;

		private final List<Shortage> shortages;

		private boolean changed;

		Folded(OrderView view) {
			this.view = view;
			this.lines = view.lines();
			this.shortages = view.shortages();
		}

		ViewChange change() {
			return new ViewChange(this.view, !this.lines.equals(this.view.lines()),
					!this.shortages.equals(this.view.shortages()));
		}

	}

	/** The events of one transaction, folded before it commits. */
	private final class Pending implements TransactionSynchronization {

		private final List<RecordedEvent> events = new ArrayList<>();

		@Override
		public void beforeCommit(boolean readOnly) {
			fold(this.events);
		}

		@Override
		public void afterCompletion(int status) {
			TransactionSynchronizationManager.unbindResource(OrderProjection.this);
		}

	}

}
