package io.sagaref.eventstore;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * What is known about why an event was recorded, stored beside its data.
 *
 * @param correlationId the saga or conversation it belongs to
 * @param causationId the event that caused it, if a consumer recorded it
 * @param attributes anything else the command knew (such as an idempotency key), never
 * read by the store
 */
public record EventMetadata(@Nullable String correlationId, @Nullable UUID causationId,
		Map<String, String> attributes) {

	public EventMetadata {
		attributes = Map.copyOf(attributes);
	}

	public static EventMetadata correlatedBy(String correlationId) {
		return new EventMetadata(correlationId, null, Map.of());
	}

	public EventMetadata with(String name, String value) {
		var copy = new HashMap<>(this.attributes);
		copy.put(name, value);
		return new EventMetadata(this.correlationId, this.causationId, copy);
	}

}
