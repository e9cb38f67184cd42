package io.sagaref.messaging;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The wire format of every event: metadata that lets any consumer deduplicate, order,
 * trace and route a message without knowing its payload.
 *
 * @param eventId unique id, the key of every consumer's inbox
 * @param type the event's name, a fact in past tense ({@code PaymentCompleted})
 * @param version the payload schema version of {@code type}
 * @param occurredAt when the producer committed the event
 * @param source the producing service
 * @param aggregateId the aggregate the event belongs to
 * @param sequence position of the event among its aggregate's events from this source
 * @param correlationId the saga (order) the event belongs to
 * @param causationId the event that caused this one, if any
 * @param payload the event's own fields
 */
public record EventEnvelope(UUID eventId, String type, int version, Instant occurredAt, String source,
		String aggregateId, long sequence, String correlationId, @Nullable UUID causationId, JsonNode payload) {

	/**
	 * Kafka header of every published event: its type, so that a consumer skips what it
	 * ignores without parsing it.
	 */
	public static final String TYPE_HEADER = "event-type";

	public EventEnvelope {
		Objects.requireNonNull(eventId, "eventId");
		Objects.requireNonNull(type, "type");
		Objects.requireNonNull(occurredAt, "occurredAt");
		Objects.requireNonNull(source, "source");
		Objects.requireNonNull(aggregateId, "aggregateId");
		Objects.requireNonNull(correlationId, "correlationId");
		Objects.requireNonNull(payload, "payload");
		if (version < 1) {
			throw new IllegalArgumentException("version must be >= 1");
		}
	}

}
