package io.sagaref.inventory.application;

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
 * An outbox that keeps what it is given instead of storing it, so a use-case test sees
 * exactly what the real {@link EventPublisher} hands the relay: topic, key, type,
 * sequence and payload.
 */
class RecordingOutbox extends Outbox {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Clock CLOCK = Clock.systemUTC();

	private final List<OutgoingEvent> appended = new ArrayList<>();

	RecordingOutbox() {
		super(new JdbcTemplate(), JSON, "inventory-service", CLOCK, () -> {
		});
	}

	@Override
	public EventEnvelope append(OutgoingEvent event) {
		this.appended.add(event);
		return new EventEnvelope(UUID.randomUUID(), event.type(), event.version(), CLOCK.instant(), "inventory-service",
				event.aggregateId(), event.sequence(), event.correlationId(), null, JSON.valueToTree(event.payload()));
	}

	/**
	 * @return everything appended, in order
	 */
	List<OutgoingEvent> appended() {
		return List.copyOf(this.appended);
	}

	/**
	 * @return the payloads appended, in order
	 */
	List<Object> payloads() {
		return this.appended.stream().map(OutgoingEvent::payload).toList();
	}

}
