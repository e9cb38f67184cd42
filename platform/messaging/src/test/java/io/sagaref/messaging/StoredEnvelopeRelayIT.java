package io.sagaref.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.sagaref.messaging.MessagingTestApplication.ThingHappened;
import io.sagaref.messaging.outbox.OutboxRelay;
import io.sagaref.messaging.outbox.RelayFailpoints;
import io.sagaref.testsupport.TestEvents;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.kafka.core.KafkaTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Outbox rows that point at an event store row instead of holding an envelope: the relay
 * publishes them in outbox order with the envelope the store builds, asks the store once
 * per batch, and refuses to publish them in a service without a store.
 */
class StoredEnvelopeRelayIT extends MessagingIntegrationTest {

	@Autowired
	KafkaTemplate<String, String> kafka;

	@Test
	void publishesPointerRowsInOutboxOrderWithOneStoreLookUpPerBatch() {
		String key = UUID.randomUUID().toString();
		String prefix = label("stored");
		List<Long> positions = new ArrayList<>();
		this.tx.executeWithoutResult((status) -> {
			for (int i = 1; i <= 4; i++) {
				String label = prefix + "#" + i;
				if (i == 2) {
					this.outbox.append(OutgoingEvent.of(TOPIC, key, i, new ThingHappened(label)));
					continue;
				}
				UUID eventId = UUID.randomUUID();
				long position = store(eventId, key, i, label);
				positions.add(position);
				this.outbox.appendStored(eventId, TOPIC, key, "ThingHappened", position);
			}
		});
		await().atMost(Duration.ofSeconds(30))
			.until(() -> probe.records(TOPIC).stream().filter((r) -> key.equals(r.key())).count(), (n) -> n >= 4);
		List<String> labels = probe.records(TOPIC)
			.stream()
			.filter((r) -> key.equals(r.key()))
			.map((r) -> TestEvents.payloadOf(r.value()).path("label").asString())
			.toList();
		assertThat(labels).containsExactly(prefix + "#1", prefix + "#2", prefix + "#3", prefix + "#4");
		assertThat(MessagingTestApplication.storedEnvelopeLookups)
			.anySatisfy((lookup) -> assertThat(lookup).containsAll(positions));
		assertThat(MessagingTestApplication.storedEnvelopeLookups)
			.filteredOn((lookup) -> lookup.stream().anyMatch(positions::contains))
			.hasSize(1);
		awaitApplied(prefix + "#3", 1);
	}

	@Test
	void refusesToPublishAPointerRowInAServiceWithoutAStore() {
		String key = UUID.randomUUID().toString();
		String label = label("no-store");
		UUID eventId = UUID.randomUUID();
		withTheServicesRelayStopped(() -> {
			this.tx.executeWithoutResult((status) -> this.outbox.appendStored(eventId, TOPIC, key, "ThingHappened",
					store(eventId, key, 1, label)));
			var withoutStore = new OutboxRelay(this.jdbc, this.tx, this.kafka, 500, Duration.ofMillis(250),
					Duration.ofSeconds(30), RelayFailpoints.none(), null);
			assertThatThrownBy(withoutStore::publishBatch).isInstanceOf(IllegalStateException.class)
				.hasMessageContaining("no StoredEnvelopes");
			assertThat(this.jdbc.queryForObject(
					"select count(*) from outbox where event_id = ? and published_at is null", Integer.class, eventId))
				.isEqualTo(1);
			assertThat(copies(label)).isZero();
		});
		// the service's own relay has the store and publishes the row
		probe.awaitRecord(TOPIC, (r) -> r.value().contains(label));
	}

	@Test
	void storesEitherAnEnvelopeOrAPointerNeverBothOrNeither() {
		assertThatThrownBy(() -> this.jdbc.update(
				"insert into outbox (event_id, topic, message_key, event_type, created_at) values (?, 't', 'k', 'T', now())",
				UUID.randomUUID()))
			.isInstanceOf(DataIntegrityViolationException.class);
		assertThatThrownBy(() -> this.jdbc.update(
				"insert into outbox (event_id, topic, message_key, event_type, envelope, event_position, created_at) values (?, 't', 'k', 'T', '{}', 1, now())",
				UUID.randomUUID()))
			.isInstanceOf(DataIntegrityViolationException.class);
	}

	private long store(UUID eventId, String key, long sequence, String label) {
		Long position = this.jdbc.queryForObject("insert into stored_event (envelope) values (?) returning position",
				Long.class, TestEvents.envelope(eventId, "ThingHappened", "messaging-it", key, sequence,
						"{\"label\":\"" + label + "\"}"));
		return (position != null) ? position : -1;
	}

	private void withTheServicesRelayStopped(Runnable action) {
		this.relay.stop();
		try {
			action.run();
		}
		finally {
			this.relay.start();
		}
	}

}
