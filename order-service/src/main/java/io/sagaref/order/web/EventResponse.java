package io.sagaref.order.web;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonRawValue;
import io.sagaref.order.HistoryEntry;

/**
 * One event of an order's history.
 *
 * @param sequence its version in the order's stream: 1, 2, ...
 * @param type the event type
 * @param version the schema version of its data
 * @param occurredAt when it was recorded
 * @param data its fields, the payload it was published with
 */
record EventResponse(long sequence, String type, int version, Instant occurredAt, @JsonRawValue String data) {

	static EventResponse of(HistoryEntry entry) {
		return new EventResponse(entry.sequence(), entry.type(), entry.version(), entry.occurredAt(), entry.data());
	}

}
