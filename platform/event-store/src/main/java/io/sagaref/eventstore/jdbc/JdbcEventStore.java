package io.sagaref.eventstore.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.sagaref.eventstore.ConcurrencyConflictException;
import io.sagaref.eventstore.EventMetadata;
import io.sagaref.eventstore.EventStore;
import io.sagaref.eventstore.LogPosition;
import io.sagaref.eventstore.NewEvent;
import io.sagaref.eventstore.StoredEvent;
import io.sagaref.eventstore.Upcasters;
import io.sagaref.messaging.inbox.InboundContext;
import io.sagaref.messaging.outbox.Outbox;
import tools.jackson.databind.JsonNode;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The event store on the service's own Postgres schema (table {@code event_store}). An
 * append inserts all its events in one statement that also checks the stream is at the
 * expected version; the unique key (stream_id, stream_version) turns a concurrent append
 * into a {@link ConcurrencyConflictException}. Reads in commit order follow the log
 * position (transaction id, sequence) and stop before the oldest running transaction, so
 * no reader passes an event that commits late. See docs/adr/0009-event-store.md.
 */
public class JdbcEventStore implements EventStore {

	static final String COLUMNS = "sequence, transaction_id::text, stream_type, stream_id, stream_version, event_id,"
			+ " event_type, event_version, data::text, metadata::text, recorded_at";

	private static final String ROW = "(?::text, ?::text, ?::bigint, ?::uuid, ?::text, ?::int, ?::jsonb, ?::jsonb)";

	private static final String READ_ALL = "select " + COLUMNS + " from event_store"
			+ " where (transaction_id, sequence) > (?::xid8, ?)"
			+ " and transaction_id < pg_snapshot_xmin(pg_current_snapshot())"
			+ " order by transaction_id, sequence limit ?";

	private static final String UNIQUE_VERSION = "event_store_stream_version";

	private final JdbcTemplate jdbc;

	private final EventJson json;

	private final Upcasters upcasters;

	private final Outbox outbox;

	private final RowMapper<StoredEvent> rows = this::mapRow;

	public JdbcEventStore(JdbcTemplate jdbc, tools.jackson.databind.json.JsonMapper json, Upcasters upcasters,
			Outbox outbox) {
		this.jdbc = jdbc;
		this.json = new EventJson(json);
		this.upcasters = upcasters;
		this.outbox = outbox;
	}

	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public List<StoredEvent> append(String streamType, String streamId, long expectedVersion, List<NewEvent> events,
			EventMetadata metadata) {
		if (expectedVersion < 0) {
			throw new IllegalArgumentException("expectedVersion must not be negative");
		}
		if (events.isEmpty()) {
			return List.of();
		}
		EventMetadata completed = withCausation(metadata);
		String metadataJson = this.json.metadata(completed);
		List<Object> args = new ArrayList<>(events.size() * 8 + 3);
		List<String> values = new ArrayList<>(events.size());
		Map<Long, Pending> pending = new HashMap<>();
		long version = expectedVersion;
		for (NewEvent event : events) {
			version++;
			UUID eventId = UUID.randomUUID();
			JsonNode data = this.json.data(event.data(), event.type());
			pending.put(version, new Pending(eventId, event, data));
			values.add(ROW);
			args.addAll(List.of(streamType, streamId, version, eventId, event.type(), event.version(),
					this.json.write(data), metadataJson));
		}
		args.addAll(List.of(expectedVersion, streamId, expectedVersion));
		String sql = "insert into event_store (stream_type, stream_id, stream_version, event_id, event_type,"
				+ " event_version, data, metadata) select v.* from (values " + String.join(", ", values) + ") as v"
				+ " where ?::bigint = 0 or exists (select 1 from event_store where stream_id = ? and stream_version = ?)"
				+ " returning sequence, transaction_id::text, stream_version, recorded_at";
		List<StoredEvent> stored;
		try {
			stored = this.jdbc.query(sql, (rs, i) -> {
				Pending event = pending.get(rs.getLong(3));
				var upcast = this.upcasters.upcast(event.event().type(), event.event().version(), event.data());
				return new StoredEvent(new LogPosition(Long.parseLong(rs.getString(2)), rs.getLong(1)), streamType,
						streamId, rs.getLong(3), event.eventId(), event.event().type(), upcast.version(), upcast.data(),
						completed, instant(rs, 4));
			}, args.toArray());
		}
		catch (DuplicateKeyException ex) {
			if (String.valueOf(ex.getMessage()).contains(UNIQUE_VERSION)) {
				throw new ConcurrencyConflictException(streamId, expectedVersion, ex);
			}
			throw ex;
		}
		if (stored.isEmpty()) {
			throw new ConcurrencyConflictException(streamId, expectedVersion, null);
		}
		stored = stored.stream().sorted(java.util.Comparator.comparingLong(StoredEvent::streamVersion)).toList();
		for (StoredEvent event : stored) {
			NewEvent.Publication publication = pending.get(event.streamVersion()).event().publication();
			if (publication != null) {
				this.outbox.appendStored(event.eventId(), publication.topic(), publication.key(), event.type(),
						event.position().sequence());
			}
		}
		return stored;
	}

	private static EventMetadata withCausation(EventMetadata metadata) {
		var cause = InboundContext.current();
		if (metadata.causationId() != null || cause == null) {
			return metadata;
		}
		return new EventMetadata(metadata.correlationId(), cause.eventId(), metadata.attributes());
	}

	@Override
	public List<StoredEvent> readStream(String streamId, long afterVersion) {
		return this.jdbc.query("select " + COLUMNS + " from event_store where stream_id = ? and stream_version > ?"
				+ " order by stream_version", this.rows, streamId, afterVersion);
	}

	@Override
	public List<StoredEvent> readStreamUntil(String streamId, long afterVersion, Instant until) {
		return this.jdbc.query(
				"select " + COLUMNS + " from event_store where stream_id = ? and stream_version > ?"
						+ " and recorded_at <= ? order by stream_version",
				this.rows, streamId, afterVersion, OffsetDateTime.ofInstant(until, ZoneOffset.UTC));
	}

	@Override
	public List<StoredEvent> readAll(LogPosition after, int limit) {
		if (limit < 1) {
			throw new IllegalArgumentException("limit must be at least 1, was " + limit);
		}
		return this.jdbc.query(READ_ALL, this.rows, Long.toString(after.transactionId()), after.sequence(), limit);
	}

	@Override
	public List<String> streamIds(String streamType) {
		return this.jdbc.queryForList(
				"select stream_id from event_store where stream_type = ? and stream_version = 1 order by sequence",
				String.class, streamType);
	}

	private StoredEvent mapRow(ResultSet rs, int row) throws SQLException {
		String type = rs.getString(7);
		var upcast = this.upcasters.upcast(type, rs.getInt(8), this.json.read(rs.getString(9)));
		return new StoredEvent(new LogPosition(Long.parseLong(rs.getString(2)), rs.getLong(1)), rs.getString(3),
				rs.getString(4), rs.getLong(5), rs.getObject(6, UUID.class), type, upcast.version(), upcast.data(),
				this.json.metadata(rs.getString(10)), instant(rs, 11));
	}

	static Instant instant(ResultSet rs, int column) throws SQLException {
		return rs.getObject(column, OffsetDateTime.class).toInstant();
	}

	private record Pending(UUID eventId, NewEvent event, JsonNode data) {
	}

}
