package io.sagaref.eventstore;

import java.time.Instant;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

/**
 * An event as the store holds it, upcast to the current version of its type.
 *
 * @param position its place in the store's log, see {@link LogPosition}
 * @param streamType the kind of stream ({@code order}, {@code account})
 * @param streamId the stream (aggregate) it belongs to
 * @param streamVersion its number within the stream: 1, 2, ...
 * @param eventId unique id; the published envelope carries the same id
 * @param type the event type
 * @param version the schema version of {@code data} after upcasting
 * @param data the event's fields
 * @param metadata correlation, causation and attributes
 * @param recordedAt when it was appended
 */
public record StoredEvent(LogPosition position, String streamType, String streamId, long streamVersion, UUID eventId,
		String type, int version, JsonNode data, EventMetadata metadata, Instant recordedAt) {

}
