package io.sagaref.eventstore;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.sagaref.testsupport.KafkaProbe;
import io.sagaref.testsupport.TestEvents;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An event appended with a publication reaches Kafka through the outbox relay, with the
 * envelope built from the store row (no second copy in the outbox); an event without one
 * stays in the store; an event appended while consuming one names it as its cause.
 */
class PublicationIT extends EventStoreIntegrationTest {

	private static final String TOPIC = EventStoreTestApplication.TOPIC;

	static KafkaProbe probe;

	@BeforeAll
	static void watch() {
		probe = KafkaProbe.watch(TOPIC);
	}

	@AfterAll
	static void stopWatching() {
		probe.close();
	}

	@Test
	void publishesAnEventFromItsStoreRow() {
		String id = streamId("published");
		StoredEvent first = append(id, 0, added(1)).get(0);
		StoredEvent event = this.tx.execute((s) -> this.store.append(TALLY, id, 1,
				List.of(new NewEvent("Added", 2, Map.of("amount", 9, "price", new java.math.BigDecimal("12.50")),
						new NewEvent.Publication(TOPIC, "key-" + id))),
				EventMetadata.correlatedBy("order-7").with("idempotencyKey", "abc")))
			.get(0);

		ConsumerRecord<String, String> record = probe.awaitRecord(TOPIC,
				(r) -> r.value().contains(event.eventId().toString()));
		JsonNode envelope = TestEvents.tree(record.value());
		assertThat(record.key()).isEqualTo("key-" + id);
		assertThat(envelope.path("eventId").asString()).isEqualTo(event.eventId().toString());
		assertThat(envelope.path("type").asString()).isEqualTo("Added");
		assertThat(envelope.path("version").asInt()).isEqualTo(2);
		assertThat(Instant.parse(envelope.path("occurredAt").asString())).isEqualTo(event.recordedAt());
		assertThat(envelope.path("source").asString()).isEqualTo("event-store-it");
		assertThat(envelope.path("aggregateId").asString()).isEqualTo(id);
		assertThat(envelope.path("sequence").asLong()).isEqualTo(2);
		assertThat(envelope.path("correlationId").asString()).isEqualTo("order-7");
		assertThat(envelope.path("causationId").isNull()).isTrue();
		assertThat(envelope.path("payload").path("amount").asLong()).isEqualTo(9);
		assertThat(record.value()).as("money keeps its scale from the table to the wire").contains("\"price\":12.50");
		assertThat(new String(record.headers().lastHeader("event-type").value())).isEqualTo("Added");
		// the outbox holds a pointer, not a copy
		assertThat(this.jdbc.queryForMap("select envelope, event_position from outbox where event_id = ?",
				event.eventId()))
			.containsEntry("envelope", null)
			.containsEntry("event_position", event.position().sequence());
		// the event appended without a publication stays in the store
		assertThat(probe.records(TOPIC)).noneMatch((r) -> r.value().contains(first.eventId().toString()));
		assertThat(this.jdbc.queryForObject("select count(*) from outbox where event_id = ?", Integer.class,
				first.eventId()))
			.isZero();
	}

	@Test
	void namesTheConsumedEventAsTheCauseOfWhatItsHandlerAppended() {
		String id = streamId("caused");
		UUID cause = UUID.randomUUID();
		probe.send(EventStoreTestApplication.REQUESTS, id,
				TestEvents.envelope(cause, "TallyRequested", "other-service", id, 1, "{\"tallyId\":\"" + id + "\"}"));

		await().atMost(Duration.ofSeconds(30)).until(() -> rowsOf(id), (n) -> n == 1);
		EventMetadata metadata = this.store.readStream(id, 0).get(0).metadata();
		assertThat(metadata.causationId()).isEqualTo(cause);
		assertThat(metadata.correlationId()).isEqualTo(id);
	}

	@Test
	void correlatesByTheStreamWhenNoCorrelationWasRecorded() {
		String id = streamId("uncorrelated");
		StoredEvent event = this.tx.execute((s) -> this.store.append(TALLY, id, 0,
				List.of(new NewEvent("Added", 2, Map.of("amount", 1), new NewEvent.Publication(TOPIC, id))),
				new EventMetadata(null, null, Map.of())))
			.get(0);

		var record = probe.awaitRecord(TOPIC, (r) -> r.value().contains(event.eventId().toString()));
		assertThat(TestEvents.tree(record.value()).path("correlationId").asString()).isEqualTo(id);
	}

}
