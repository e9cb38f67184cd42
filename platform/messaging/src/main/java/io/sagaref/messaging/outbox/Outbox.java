package io.sagaref.messaging.outbox;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;

import io.sagaref.messaging.EventEnvelope;
import io.sagaref.messaging.OutgoingEvent;
import io.sagaref.messaging.inbox.InboundContext;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Appends events to the {@code outbox} table inside the caller's transaction, so an event
 * is stored if and only if the state change that caused it commits. After commit the
 * relay is woken to publish at once instead of waiting for its next poll.
 */
public class Outbox {

	private static final String WAKE_UP_REGISTERED = Outbox.class.getName() + ".wakeUp";

	private final JdbcTemplate jdbc;

	private final JsonMapper json;

	private final String source;

	private final Clock clock;

	private final Runnable afterCommit;

	public Outbox(JdbcTemplate jdbc, JsonMapper json, String source, Clock clock, Runnable afterCommit) {
		this.jdbc = jdbc;
		this.json = json;
		this.source = source;
		this.clock = clock;
		this.afterCommit = afterCommit;
	}

	/**
	 * Stores the event for publication. Must run inside a transaction.
	 * @param event the event
	 * @return the envelope as it will be published
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public EventEnvelope append(OutgoingEvent event) {
		var cause = InboundContext.current();
		var envelope = new EventEnvelope(UUID.randomUUID(), event.type(), event.version(), this.clock.instant(),
				this.source, event.aggregateId(), event.sequence(), event.correlationId(),
				(cause != null) ? cause.eventId() : null, this.json.valueToTree(event.payload()));
		this.jdbc.update(
				"insert into outbox (event_id, topic, message_key, event_type, envelope, created_at) values (?, ?, ?, ?, ?, ?)",
				envelope.eventId(), event.topic(), event.key(), event.type(), this.json.writeValueAsString(envelope),
				Timestamp.from(envelope.occurredAt()));
		wakeRelayAfterCommit();
		return envelope;
	}

	/**
	 * Queues an event that the service's event store already holds: the row points at the
	 * store row, and the relay builds the envelope from it when it publishes
	 * ({@link StoredEnvelopes}), so the event is not stored twice. Must run inside the
	 * transaction that appended the event.
	 * @param eventId the event's id, also the envelope's
	 * @param topic the Kafka topic
	 * @param key the record key
	 * @param type the event type, for the type header
	 * @param eventPosition the store row ({@code event_store.sequence})
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void appendStored(UUID eventId, String topic, String key, String type, long eventPosition) {
		this.jdbc.update(
				"insert into outbox (event_id, topic, message_key, event_type, event_position, created_at) values (?, ?, ?, ?, ?, ?)",
				eventId, topic, key, type, eventPosition, Timestamp.from(this.clock.instant()));
		wakeRelayAfterCommit();
	}

	private void wakeRelayAfterCommit() {
		if (TransactionSynchronizationManager.hasResource(WAKE_UP_REGISTERED)) {
			return;
		}
		TransactionSynchronizationManager.bindResource(WAKE_UP_REGISTERED, Boolean.TRUE);
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCompletion(int status) {
				TransactionSynchronizationManager.unbindResourceIfPossible(WAKE_UP_REGISTERED);
				if (status == STATUS_COMMITTED) {
					Outbox.this.afterCommit.run();
				}
			}
		});
	}

}
