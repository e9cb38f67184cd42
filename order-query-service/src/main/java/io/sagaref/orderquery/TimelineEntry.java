package io.sagaref.orderquery;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One event in an order's history, as the view applied it: the timeline shows what
 * happened to an order and when, across all services.
 *
 * @param eventId the event's id
 * @param orderId the order
 * @param at when the producing service committed the event
 * @param source the producing service's name
 * @param sequence the event's position among its source's events for this order
 * @param type the event type
 * @param detail a short human-readable detail, usually the reason
 */
public record TimelineEntry(UUID eventId, OrderId orderId, Instant at, String source, long sequence, String type,
		@Nullable String detail) {

	public TimelineEntry {
		Require.present(eventId, "eventId");
		Require.present(orderId, "orderId");
		Require.present(at, "at");
		Require.present(source, "source");
		Require.present(type, "type");
	}

	/**
	 * @param recorded an event the view applied
	 * @return its timeline entry
	 */
	public static TimelineEntry of(RecordedEvent recorded) {
		return new TimelineEntry(recorded.eventId(), recorded.orderId(), recorded.occurredAt(),
				recorded.source().serviceName(), recorded.sequence(), recorded.event().type(),
				recorded.event().detail());
	}

}
