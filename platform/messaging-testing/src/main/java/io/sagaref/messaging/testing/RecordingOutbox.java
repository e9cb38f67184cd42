package io.sagaref.messaging.testing;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.sagaref.messaging.EventEnvelope;
import io.sagaref.messaging.OutgoingEvent;
import io.sagaref.messaging.outbox.Outbox;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The outbox as a use case sees it, keeping what it is given instead of storing it, so a
 * use-case test over in-memory repositories sees exactly what the service's real event
 * publisher hands the relay (topic, key, type, sequence, payload) and, as envelopes built
 * the way the real outbox builds them, the JSON that would be published. Needs no
 * transaction and no database (its JDBC template is never used).
 */
public class RecordingOutbox extends Outbox {

	/** Writes payloads as the application's mapper does by default. */
	public static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Clock CLOCK = Clock.systemUTC();

	private final String source;

	private final List<OutgoingEvent> appended = new ArrayList<>();

	private final List<EventEnvelope> envelopes = new ArrayList<>();

	/**
	 * @param source the service whose events these are, e.g. {@code order-service}
	 */
	public RecordingOutbox(String source) {
		super(new JdbcTemplate(), JSON, source, CLOCK, () -> {
		});
		this.source = source;
	}

	@Override
	public EventEnvelope append(OutgoingEvent event) {
		var envelope = new EventEnvelope(UUID.randomUUID(), event.type(), event.version(), CLOCK.instant(), this.source,
				event.aggregateId(), event.sequence(), event.correlationId(), null, JSON.valueToTree(event.payload()));
		this.appended.add(event);
		this.envelopes.add(envelope);
		return envelope;
	}

	/**
	 * @return the events appended so far, in order
	 */
	public List<OutgoingEvent> appended() {
		return List.copyOf(this.appended);
	}

	/**
	 * @return the envelopes of the events appended so far, in order
	 */
	public List<EventEnvelope> envelopes() {
		return List.copyOf(this.envelopes);
	}

	/**
	 * @return the types of the events appended so far, in order
	 */
	public List<String> types() {
		return this.appended.stream().map(OutgoingEvent::type).toList();
	}

	/**
	 * @return the payloads appended so far, in order
	 */
	public List<Object> payloads() {
		return this.appended.stream().map(OutgoingEvent::payload).toList();
	}

	/**
	 * @param envelope an envelope of this outbox
	 * @return it as JSON text, as it is published
	 */
	public static String json(EventEnvelope envelope) {
		return JSON.writeValueAsString(envelope);
	}

}
