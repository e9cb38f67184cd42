package io.sagaref.orderquery;

import java.time.Instant;
import java.util.UUID;

/**
 * A saga event with the envelope facts the view needs: which position in its source's
 * sequence, and when it happened. The order it is about is the event's own.
 *
 * @param eventId the envelope's id, unique per event
 * @param sequence the event's position among its source's events for this order
 * @param occurredAt when the producer committed it, to the microsecond (rounded as
 * Postgres rounds it), so that a view folded in memory says exactly what the same view
 * read back from the tables says
 * @param event what happened
 */
public record RecordedEvent(UUID eventId, long sequence, Instant occurredAt, SagaEvent event) {

	public RecordedEvent {
		Require.present(eventId, "eventId");
		Require.present(occurredAt, "occurredAt");
		Require.present(event, "event");
		occurredAt = toMicros(occurredAt);
	}

	private static Instant toMicros(Instant instant) {
		long micros = instant.getNano() / 1_000;
		int rest = instant.getNano() % 1_000;
		if (rest > 500 || (rest == 500 && micros % 2 == 1)) {
			micros++;
		}
		return Instant.ofEpochSecond(instant.getEpochSecond(), micros * 1_000);
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
