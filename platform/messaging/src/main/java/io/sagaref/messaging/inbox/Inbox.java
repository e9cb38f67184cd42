package io.sagaref.messaging.inbox;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
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
	 * Records that {@code consumer} handles all these events now, in one statement. Must
	 * run in the handlers' transaction.
	 * @param eventIds the event ids, duplicates allowed
	 * @param consumer the consuming service
	 * @return the ids delivered for the first time (a mutable set)
	 */
	public Set<UUID> firstDeliveries(Collection<UUID> eventIds, String consumer) {
		Set<UUID> fresh = new HashSet<>();
		this.jdbc.query((connection) -> {
			var statement = connection.prepareStatement(
					"insert into processed_message (event_id, consumer, processed_at) select distinct unnest(?), ?, now()"
							+ " on conflict do nothing returning event_id");
			statement.setArray(1, connection.createArrayOf("uuid", eventIds.toArray()));
			statement.setString(2, consumer);
			return statement;
		}, (row) -> {
			fresh.add(row.getObject(1, UUID.class));
		});
		return fresh;
	}

}
