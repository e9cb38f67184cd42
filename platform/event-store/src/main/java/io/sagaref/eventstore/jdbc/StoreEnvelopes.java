package io.sagaref.eventstore.jdbc;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import io.sagaref.messaging.EventEnvelope;
import io.sagaref.messaging.outbox.StoredEnvelopes;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

/**
 * Builds the published envelope of an event from its store row, for the outbox relay: the
 * event's id, type and version, its recording time as {@code occurredAt}, the service as
 * source, the stream as aggregate, the stream version as sequence, the metadata's
 * correlation (the stream id if none) and causation, and the data as stored.
 */
public class StoreEnvelopes implements StoredEnvelopes {

	private final JdbcTemplate jdbc;

	private final JsonMapper mapper;

	private final EventJson json;

	private final String source;

	public StoreEnvelopes(JdbcTemplate jdbc, JsonMapper json, String source) {
		this.jdbc = jdbc;
		this.mapper = json;
		this.json = new EventJson(json);
		this.source = source;
	}

	@Override
	public Map<Long, String> envelopes(Collection<Long> positions) {
		Map<Long, String> envelopes = new HashMap<>();
		this.jdbc.query(
				"select sequence, event_id, event_type, event_version, recorded_at, stream_id, stream_version,"
						+ " metadata::text, data::text from event_store where sequence = any(?)",
				(RowCallbackHandler) (rs) -> {
					var metadata = this.json.metadata(rs.getString(8));
					String streamId = rs.getString(6);
					String correlationId = metadata.correlationId();
					var envelope = new EventEnvelope(rs.getObject(2, UUID.class), rs.getString(3), rs.getInt(4),
							JdbcEventStore.instant(rs, 5), this.source, streamId, rs.getLong(7),
							(correlationId != null) ? correlationId : streamId, metadata.causationId(),
							this.json.read(rs.getString(9)));
					envelopes.put(rs.getLong(1), this.mapper.writeValueAsString(envelope));
				}, (Object) positions.toArray(Long[]::new));
		return envelopes;
	}

}
