package io.sagaref.orderquery;

import java.time.Instant;
import java.util.UUID;

/**
 * A saga event with the envelope facts the view needs: which order, which position in its
 * source's sequence, and when it happened.
 *
 * @param eventId the envelope's id, unique per event
 * @param orderId the order (saga) the event belongs to
 * @param sequence the event's position among its source's events for this order
 * @param occurredAt when the producer committed it
 * @param event what happened
 */
public record RecordedEvent(UUID eventId, UUID orderId, long sequence, Instant occurredAt, SagaEvent event) {

	public RecordedEvent {
		Require.present(eventId, "eventId");
		Require.present(orderId, "orderId");
		Require.present(occurredAt, "occurredAt");
		Require.present(event, "event");
	}

	/**
	 * @return the service that emitted the event
	 */
	public Source source() {
		return this.event.source();
	}

}
