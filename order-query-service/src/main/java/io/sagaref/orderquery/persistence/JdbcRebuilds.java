package io.sagaref.orderquery.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import io.sagaref.orderquery.Rebuild;
import io.sagaref.orderquery.Rebuilds;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Rebuilds in {@code read_model_rebuild}; a partial unique index lets at most one row be
 * RUNNING, whichever instance inserts it. A running rebuild reports progress every batch;
 * one silent for {@value #ABANDONED_AFTER} died with its instance and is marked FAILED
 * when the next one starts.
 */
@Repository
class JdbcRebuilds implements Rebuilds {

	private static final String ABANDONED_AFTER = "2 minutes";

	private final JdbcTemplate jdbc;

	JdbcRebuilds(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Rebuild start(UUID rebuildId, Instant startedAt) {
		this.jdbc.update("update read_model_rebuild set status = 'FAILED', completed_at = ?"
				+ " where status = 'RUNNING' and updated_at < ?::timestamptz - interval '" + ABANDONED_AFTER + "'",
				utc(startedAt), utc(startedAt));
		try {
			this.jdbc.update("insert into read_model_rebuild (rebuild_id, status, started_at, updated_at)"
					+ " values (?, 'RUNNING', ?, ?)", rebuildId, utc(startedAt), utc(startedAt));
		}
		catch (DuplicateKeyException ex) {
			String running = this.jdbc
				.queryForList("select rebuild_id from read_model_rebuild where status = 'RUNNING'", UUID.class)
				.stream()
				.map((id) -> "Rebuild " + id)
				.findFirst()
				.orElse("Another rebuild");
			throw new IllegalStateException(running + " of the read model is running; one runs at a time", ex);
		}
		return new Rebuild(rebuildId, Rebuild.Status.RUNNING, 0, startedAt, null);
	}

	@Override
	public void progress(UUID rebuildId, long eventsReplayed) {
		this.jdbc.update("update read_model_rebuild set events_replayed = ?, updated_at = now() where rebuild_id = ?",
				eventsReplayed, rebuildId);
	}

	@Override
	public void finish(UUID rebuildId, Rebuild.Status status, long eventsReplayed, Instant at) {
		this.jdbc.update(
				"update read_model_rebuild set status = ?, events_replayed = ?, updated_at = ?,"
						+ " completed_at = ? where rebuild_id = ?",
				status.name(), eventsReplayed, utc(at), utc(at), rebuildId);
	}

	@Override
	public Optional<Rebuild> find(UUID rebuildId) {
		return this.jdbc
			.query("select * from read_model_rebuild where rebuild_id = ?", (row, n) -> rebuild(row), rebuildId)
			.stream()
			.findFirst();
	}

	private static Rebuild rebuild(ResultSet row) throws SQLException {
		OffsetDateTime completed = row.getObject("completed_at", OffsetDateTime.class);
		return new Rebuild(row.getObject("rebuild_id", UUID.class), Rebuild.Status.valueOf(row.getString("status")),
				row.getLong("events_replayed"), row.getObject("started_at", OffsetDateTime.class).toInstant(),
				(completed != null) ? completed.toInstant() : null);
	}

	private static OffsetDateTime utc(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

}
