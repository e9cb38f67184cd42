package io.sagaref.order.application;

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
 * The outbox as the use cases see it, recording what they append instead of storing it.
 * Each event is turned into its envelope with the application's JSON of value objects, as
 * the real outbox does, so a test can check the wire shape against the contract.
 */
final class RecordingOutbox extends Outbox {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Clock CLOCK = Clock.systemUTC();

	private final List<EventEnvelope> appended = new ArrayList<>();

	RecordingOutbox() {
		super(new JdbcTemplate(), JSON, "order-service", CLOCK, () -> {
		});
	}

	@Override
	public EventEnvelope append(OutgoingEvent event) {
		var envelope = new EventEnvelope(UUID.randomUUID(), event.type(), event.version(), CLOCK.instant(),
				"order-service", event.aggregateId(), event.sequence(), event.correlationId(), null,
				JSON.valueToTree(event.payload()));
		this.appended.add(envelope);
		return envelope;
	}

	/**
	 * @return the envelopes appended so far, in order
	 */
	List<EventEnvelope> appended() {
		return List.copyOf(this.appended);
	}

	/**
	 * @return the types of the events appended so far, in order
	 */
	List<String> types() {
		return this.appended.stream().map(EventEnvelope::type).toList();
	}

	/**
	 * @param envelope an appended envelope
	 * @return it as JSON text, as it is published
	 */
	static String json(EventEnvelope envelope) {
		return JSON.writeValueAsString(envelope);
	}

}
