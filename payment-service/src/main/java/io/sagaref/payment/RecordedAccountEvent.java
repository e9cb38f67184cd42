package io.sagaref.payment;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * An account event as its stream holds it: the event's id (the id of its ledger entry),
 * its place in the stream and when it was recorded.
 *
 * @param eventId the event's unique id
 * @param sequence its number in the account's stream: 1, 2, ...
 * @param recordedAt when it was recorded
 * @param event the fact
 */
public record RecordedAccountEvent(UUID eventId, long sequence, Instant recordedAt, AccountEvent event) {

	public RecordedAccountEvent {
		Objects.requireNonNull(eventId, "eventId");
		Objects.requireNonNull(recordedAt, "recordedAt");
		Objects.requireNonNull(event, "event");
	}

}
