package io.sagaref.messaging.inbox;

import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The processed-message record that makes every handler idempotent: an event's id is
 * inserted in the same transaction as the handler's effect, so a redelivered event finds
 * its id and is skipped, and a rolled-back effect leaves no id behind.
 */
public class Inbox {

	private final JdbcTemplate jdbc;

	public Inbox(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Records that {@code consumer} handles the event now. Must run in the handler's
	 * transaction.
	 * @param eventId the event id
	 * @param consumer the consuming service
	 * @return true for the first delivery, false for a duplicate
	 */
	public boolean firstDelivery(UUID eventId, String consumer) {
		return this.jdbc.update(
				"insert into processed_message (event_id, consumer, processed_at) values (?, ?, now()) on conflict do nothing",
				eventId, consumer) == 1;
	}

}
