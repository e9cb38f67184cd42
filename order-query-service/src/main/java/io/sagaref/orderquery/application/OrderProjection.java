package io.sagaref.orderquery.application;

import io.sagaref.orderquery.OrderView;
import io.sagaref.orderquery.OrderViews;
import io.sagaref.orderquery.RecordedEvent;
import io.sagaref.orderquery.TimelineEntries;
import io.sagaref.orderquery.TimelineEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies saga events to order views: the only writer of the read model. The view is
 * locked while an event is applied, so events of one order arriving on different topics
 * at once are applied one after the other.
 */
@Service
public class OrderProjection {

	private static final Logger log = LoggerFactory.getLogger(OrderProjection.class);

	private final OrderViews views;

	private final TimelineEntries timeline;

	public OrderProjection(OrderViews views, TimelineEntries timeline) {
		this.views = views;
		this.timeline = timeline;
	}

	/**
	 * Folds an event into its order's view, creating the view if this is the first event
	 * about the order, and adds it to the timeline. Stale events change nothing.
	 * @param recorded the event
	 */
	@Transactional
	public void apply(RecordedEvent recorded) {
		OrderView view = this.views.findForUpdate(recorded.orderId())
			.orElseGet(() -> new OrderView(recorded.orderId()));
		if (!view.apply(recorded)) {
			log.debug("Ignored stale {} #{} from {} for order {}", recorded.event().type(), recorded.sequence(),
					recorded.source().serviceName(), recorded.orderId());
			return;
		}
		this.views.save(view);
		this.timeline.save(TimelineEntry.of(recorded));
	}

}
