package io.sagaref.orderquery.application;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import io.sagaref.orderquery.Line;
import io.sagaref.orderquery.OrderId;
import io.sagaref.orderquery.OrderView;
import io.sagaref.orderquery.OrderViews;
import io.sagaref.orderquery.OrderViews.ViewChange;
import io.sagaref.orderquery.RecordedEvent;
import io.sagaref.orderquery.Shortage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How a batch of events is folded into stored views, for the live projection and for a
 * rebuild alike, so that both store exactly the same views: the views the events touch
 * are read and locked in one statement (sorted by order id, so two transactions never
 * lock in opposite orders), folded in memory in the order the events came, and written
 * back in a few batched statements.
 */
final class ViewFolding {

	private static final Logger log = LoggerFactory.getLogger(ViewFolding.class);

	private ViewFolding() {
	}

	/**
	 * @param views where the views are stored
	 * @param events the events, in the order consumed
	 * @return the events that changed a view (the others were stale or repeats)
	 */
	static List<RecordedEvent> fold(OrderViews views, List<RecordedEvent> events) {
		return fold(views, events, (step) -> {
		});
	}

	/**
	 * @param views where the views are stored
	 * @param events the events, in the order consumed
	 * @param steps told each step as it is folded (before anything is stored: keep them
	 * until the transaction commits)
	 * @return the events that changed a view (the others were stale or repeats)
	 */
	static List<RecordedEvent> fold(OrderViews views, List<RecordedEvent> events, Consumer<SagaStep> steps) {
		Set<OrderId> orderIds = new LinkedHashSet<>();
		events.forEach((event) -> orderIds.add(event.orderId()));
		Map<OrderId, OrderView> stored = views.lockAll(orderIds);
		Map<OrderId, Folded> folded = new LinkedHashMap<>();
		List<RecordedEvent> applied = new ArrayList<>();
		for (RecordedEvent event : events) {
			Folded view = folded.computeIfAbsent(event.orderId(),
					(id) -> new Folded(stored.getOrDefault(id, new OrderView(id))));
			if (view.view.apply(event)) {
				view.changed = true;
				applied.add(event);
				steps.accept(SagaStep.after(view.view, event));
			}
			else {
				log.debug("Ignored stale {} #{} from {} for order {}", event.event().type(), event.sequence(),
						event.source().serviceName(), event.orderId());
			}
		}
		List<ViewChange> changes = folded.values().stream().filter((view) -> view.changed).map(Folded::change).toList();
		if (!changes.isEmpty()) {
			views.saveAll(changes, applied);
		}
		return applied;
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

}
