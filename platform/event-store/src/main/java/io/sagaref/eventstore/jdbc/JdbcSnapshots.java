package io.sagaref.eventstore.jdbc;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import io.sagaref.eventstore.Snapshot;
import io.sagaref.eventstore.Snapshots;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/**
 * Snapshots in the table {@code event_snapshot}, several per stream. Saving one of a new
 * schema version deletes the stream's snapshots of other versions, which are never read
 * again.
 */
public class JdbcSnapshots implements Snapshots {

	private static final String COLUMNS = "stream_id, stream_version, schema_version, state::text, recorded_at";

	private final JdbcTemplate jdbc;

	private final EventJson json;

	private final RowMapper<Snapshot> rows;

	public JdbcSnapshots(JdbcTemplate jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = new EventJson(json);
		this.rows = (rs, i) -> new Snapshot(rs.getString(1), rs.getLong(2), rs.getInt(3),
				this.json.read(rs.getString(4)), JdbcEventStore.instant(rs, 5));
	}

	@Override
	public Optional<Snapshot> latest(String streamId, int schemaVersion, @Nullable Instant until) {
		List<Snapshot> found = (until == null)
				? this.jdbc
					.query("select " + COLUMNS + " from event_snapshot where stream_id = ? and schema_version = ?"
							+ " order by stream_version desc limit 1", this.rows, streamId, schemaVersion)
				: this.jdbc.query(
						"select " + COLUMNS + " from event_snapshot where stream_id = ? and schema_version = ?"
								+ " and recorded_at <= ? order by stream_version desc limit 1",
						this.rows, streamId, schemaVersion, OffsetDateTime.ofInstant(until, ZoneOffset.UTC));
		return found.stream().findFirst();
	}

	@Override
	public void save(String streamType, Snapshot snapshot) {
		this.jdbc.update("delete from event_snapshot where stream_id = ? and schema_version <> ?", snapshot.streamId(),
				snapshot.schemaVersion());
		this.jdbc.update(
				"insert into event_snapshot (stream_type, stream_id, stream_version, schema_version, state, recorded_at)"
						+ " values (?, ?, ?, ?, ?::jsonb, ?) on conflict (stream_id, stream_version) do update set"
						+ " schema_version = excluded.schema_version, state = excluded.state,"
						+ " recorded_at = excluded.recorded_at",
				streamType, snapshot.streamId(), snapshot.streamVersion(), snapshot.schemaVersion(),
				this.json.write(snapshot.state()), OffsetDateTime.ofInstant(snapshot.recordedAt(), ZoneOffset.UTC));
	}

	@Override
	public int deleteAll(String streamType) {
		return this.jdbc.update("delete from event_snapshot where stream_type = ?", streamType);
	}

}
