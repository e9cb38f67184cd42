package io.sagaref.eventstore;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * An event to append to a stream.
 *
 * @param type the event type, a fact in past tense
 * @param version the schema version of {@code data}, the current one for new events
 * @param data the event's fields; any object Jackson writes as a JSON object
 * @param publication where the relay publishes it, or null if it stays in the store
 */
public record NewEvent(String type, int version, Object data, @Nullable Publication publication) {

	public NewEvent {
		Objects.requireNonNull(type, "type");
		Objects.requireNonNull(data, "data");
		if (version < 1) {
			throw new IllegalArgumentException("version must be >= 1");
		}
	}

	/**
	 * Where an event is published.
	 *
	 * @param topic the Kafka topic
	 * @param key the record key
	 */
	public record Publication(String topic, String key) {

		public Publication {
			Objects.requireNonNull(topic, "topic");
			Objects.requireNonNull(key, "key");
		}

	}

}
