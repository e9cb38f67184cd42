package io.sagaref.order;

import java.time.Instant;

/**
 * One event of an order's stream as the store holds it, for the order's history.
 *
 * @param sequence its version in the order's stream: 1, 2, ...
 * @param type the event type
 * @param version the schema version of its data
 * @param occurredAt when it was recorded
 * @param data its fields as JSON text, exactly the payload it was published with
 */
public record HistoryEntry(long sequence, String type, int version, Instant occurredAt, String data) {

}
