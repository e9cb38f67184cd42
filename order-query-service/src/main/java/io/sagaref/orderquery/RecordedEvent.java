package io.sagaref.orderquery;

import java.time.Instant;
import java.util.UUID;

/**
 * A saga event with the envelope facts the view needs: which position in its source's
 * sequence, and when it happened. The order it is about is the event's own.
 *
 * @param eventId the envelope's id, unique per event
 * @param sequence the event's position among its source's events for this order
 * @param occurredAt when the producer committed it
 * @param event what happened
 */
public record RecordedEvent(UUID eventId, long sequence, Instant occurredAt, SagaEvent event) {

	public RecordedEvent {
		Require.present(eventId, "eventId");
		Require.present(occurredAt, "occurredAt");
		Require.present(event, "event");
	}

	/**
	 * @return the order (saga) the event belongs to
	 */
	public OrderId orderId() {
		return this.event.orderId();
	}

	/**
	 * @return the service that emitted the event
	 */
	public Source source() {
		return this.event.source();
	}

}
