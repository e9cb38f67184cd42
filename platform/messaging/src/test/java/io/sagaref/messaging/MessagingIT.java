package io.sagaref.messaging;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import io.sagaref.embedded.ServiceDatabase;
import io.sagaref.messaging.MessagingTestApplication.ThingHappened;
import io.sagaref.messaging.inbox.ErrorPolicy;
import io.sagaref.messaging.outbox.OutboxRelay;
import io.sagaref.messaging.outbox.RelayFailpoints;
import io.sagaref.testsupport.TestEvents;
import io.sagaref.testsupport.TestInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The messaging guarantees on real Postgres and Kafka: publish after commit and only
 * after commit, per-key order, at-least-once relay made exactly-once in effect by the
 * inbox, poison that never stalls a partition, and the relay's test-only failpoints that
 * fault tests rely on.
 */
class MessagingIT extends MessagingIntegrationTest {

	@Autowired
	KafkaTemplate<String, String> kafka;

	@Autowired
	ConsumerFactory<?, ?> consumers;

	@Test
	void publishesACommittedEventWithItsEnvelope() {
		String key = UUID.randomUUID().toString();
		String label = publish(key, 1, label("committed"));
		ConsumerRecord<String, String> record = probe.awaitRecord(TOPIC, (r) -> r.value().contains(label));
		var envelope = TestEvents.tree(record.value());
		assertThat(record.key()).isEqualTo(key);
		assertThat(envelope.path("type").asString()).isEqualTo("ThingHappened");
		assertThat(envelope.path("version").asInt()).isEqualTo(1);
		assertThat(envelope.path("source").asString()).isEqualTo("messaging-it");
		assertThat(envelope.path("correlationId").asString()).isEqualTo(key);
		assertThat(envelope.path("aggregateId").asString()).isEqualTo(key);
		assertThat(envelope.path("causationId").isNull()).isTrue();
		assertThat(envelope.path("payload").path("label").asString()).isEqualTo(label);
		assertThat(new String(record.headers().lastHeader("event-type").value(), StandardCharsets.UTF_8))
			.isEqualTo("ThingHappened");
		awaitApplied(label, 1);
	}

	@Test
	void runsOnThePlatformsDurableDefaultsWithoutTheServiceDeclaringThem() {
		var producer = this.kafka.getProducerFactory().getConfigurationProperties();
		assertThat(producer.get("acks")).hasToString("all");
		assertThat(producer.get("enable.idempotence")).hasToString("true");
		assertThat(this.consumers.getConfigurationProperties().get("enable.auto.commit")).hasToString("false");
		assertThat(this.consumers.getConfigurationProperties().get("group.id")).hasToString("messaging-it");
	}

	@Test
	void publishesNothingForARolledBackTransaction() {
		String key = UUID.randomUUID().toString();
		String rolledBack = label("rolled-back");
		this.tx.executeWithoutResult((status) -> {
			this.outbox.append(OutgoingEvent.of(TOPIC, key, 1, new ThingHappened(rolledBack)));
			status.setRollbackOnly();
		});
		String committed = publish(key, 1, label("after-rollback"));
		awaitApplied(committed, 1);
		assertThat(probe.records(TOPIC)).noneMatch((r) -> r.value().contains(rolledBack));
		assertThat(this.jdbc.queryForObject("select count(*) from outbox where envelope like ?", Integer.class,
				"%" + rolledBack + "%"))
			.isZero();
	}

	@Test
	void keepsTheOrderOfOneKeysEvents() {
		String key = UUID.randomUUID().toString();
		String prefix = label("ordered");
		for (int batch = 0; batch < 20; batch++) {
			int first = batch * 10;
			this.tx.executeWithoutResult((status) -> {
				for (int i = first; i < first + 10; i++) {
					this.outbox.append(OutgoingEvent.of(TOPIC, key, i + 1, new ThingHappened(prefix + "#" + (i + 1))));
				}
			});
		}
		await().atMost(Duration.ofSeconds(30))
			.until(() -> probe.records(TOPIC).stream().filter((r) -> key.equals(r.key())).count(), (n) -> n >= 200);
		List<Long> sequences = probe.records(TOPIC)
			.stream()
			.filter((r) -> key.equals(r.key()))
			.map((r) -> TestEvents.tree(r.value()).path("sequence").asLong())
			.toList();
		assertThat(sequences).hasSize(200).isSorted().doesNotHaveDuplicates();
	}

	@Test
	void republishesAfterACrashBetweenPublishAndMarkWithoutADoubleEffect() {
		String key = UUID.randomUUID().toString();
		String label = publish(key, 1, label("republished"));
		awaitApplied(label, 1);
		// the relay published but "crashed" before marking: the row is unsent again
		int reset = this.jdbc.update("update outbox set published_at = null where envelope like ?", "%" + label + "%");
		assertThat(reset).isEqualTo(1);
		this.relay.wakeUp();
		await().atMost(Duration.ofSeconds(30))
			.until(() -> probe.records(TOPIC).stream().filter((r) -> r.value().contains(label)).count(), (n) -> n == 2);
		String after = publish(key, 2, label("after-duplicate"));
		awaitApplied(after, 1);
		assertThat(applied(label)).isEqualTo(1);
	}

	@Test
	void deadLettersPoisonWithItsCauseAndMovesOn() {
		String key = UUID.randomUUID().toString();
		probe.send(TOPIC, key, "{not json");
		probe.send(TOPIC, key, TestEvents.envelope("SomethingNobodyKnows", "elsewhere", key, 1, "{}"));
		String good = publish(key, 1, label("after-poison"));
		awaitApplied(good, 1);
		var garbage = probe.awaitRecord(DLT, (r) -> key.equals(r.key()) && "{not json".equals(r.value()));
		var unknown = probe.awaitRecord(DLT, (r) -> key.equals(r.key()) && r.value().contains("SomethingNobodyKnows"));
		assertThat(header(garbage, "kafka_dlt-exception-message")).contains("Not an event envelope");
		assertThat(header(unknown, "kafka_dlt-exception-message"))
			.contains("Unknown event type 'SomethingNobodyKnows'");
		assertThat(header(unknown, "kafka_dlt-original-topic")).isEqualTo(TOPIC);
		assertThat(unknown.headers().lastHeader("kafka_dlt-original-offset")).isNotNull();
		assertThat(header(unknown, ErrorPolicy.ATTEMPTS_HEADER)).isEqualTo("1");
	}

	@Test
	void skipsTypesTheConsumerDeclaresIgnoredWithoutDeadLettering() {
		String key = UUID.randomUUID().toString();
		probe.send(TOPIC, key, TestEvents.envelope("Boring", "elsewhere", key, 1, "{}"));
		String good = publish(key, 1, label("after-boring"));
		awaitApplied(good, 1);
		assertThat(probe.records(DLT)).noneMatch((r) -> key.equals(r.key()));
	}

	@Test
	void appliesAnExactDuplicateOnce() {
		String key = UUID.randomUUID().toString();
		String label = label("duplicate");
		String envelope = TestEvents.envelope(UUID.randomUUID(), "ThingHappened", "elsewhere", key, 1,
				"{\"label\": \"" + label + "\"}");
		probe.send(TOPIC, key, envelope);
		probe.send(TOPIC, key, envelope);
		String after = publish(key, 2, label("after-duplicate-delivery"));
		awaitApplied(after, 1);
		assertThat(applied(label)).isEqualTo(1);
	}

	@Test
	void namesTheHandledEventAsTheCauseOfWhatItEmits() {
		String key = UUID.randomUUID().toString();
		String label = publish(key, 1, label("answer"));
		var cause = probe.awaitRecord(TOPIC,
				(r) -> r.value().contains(label) && TestEvents.typeOf(r.value()).equals("ThingHappened"));
		var answer = probe.awaitRecord(TOPIC,
				(r) -> r.value().contains(label) && TestEvents.typeOf(r.value()).equals("ThingAnswered"));
		assertThat(TestEvents.tree(answer.value()).path("causationId").asString())
			.isEqualTo(TestEvents.tree(cause.value()).path("eventId").asString());
		assertThat(answer.key()).isEqualTo(key);
	}

	@Test
	void retriesAFailingHandlerAndAppliesOnce() {
		String key = UUID.randomUUID().toString();
		String label = label("flaky");
		MessagingTestApplication.failuresToInject.put(label, new AtomicInteger(2));
		publish(key, 1, label);
		awaitApplied(label, 1);
		assertThat(probe.records(DLT)).noneMatch((r) -> r.value().contains(label));
	}

	@Test
	void deadLettersAMessageWhoseHandlerKeepsFailingAndMovesOn() {
		String key = UUID.randomUUID().toString();
		String label = label("hopeless");
		MessagingTestApplication.failuresToInject.put(label, new AtomicInteger(Integer.MAX_VALUE));
		publish(key, 1, label);
		String after = publish(key, 2, label("after-hopeless"));
		awaitApplied(after, 1);
		var dead = probe.awaitRecord(DLT, (r) -> r.value().contains(label));
		assertThat(header(dead, ErrorPolicy.ATTEMPTS_HEADER)).isEqualTo("4");
		assertThat(header(dead, "kafka_dlt-exception-message")).contains("injected failure");
		assertThat(applied(label)).isZero();
	}

	@Test
	void onlyTheRelayHoldingTheLockPublishes() throws Exception {
		try (Connection other = DriverManager.getConnection(TestInfrastructure.jdbcUrl(), ServiceDatabase.ORDERS.role(),
				ServiceDatabase.ORDERS.password()); var st = other.createStatement()) {
			st.execute("select pg_advisory_lock(hashtext('orders.outbox-relay'))");
			String key = UUID.randomUUID().toString();
			String label = publish(key, 1, label("locked-out"));
			assertThat(this.relay.publishBatch()).isZero();
			assertThat(this.jdbc.queryForObject(
					"select count(*) from outbox where published_at is null and envelope like ?", Integer.class,
					"%" + label + "%"))
				.isEqualTo(1);
			st.execute("select pg_advisory_unlock(hashtext('orders.outbox-relay'))");
			awaitApplied(label, 1);
		}
	}

	@Test
	void publishTwiceFailpointDeliversEveryEventTwiceAndTheInboxAppliesItOnce() {
		String key = UUID.randomUUID().toString();
		String label = label("twice");
		OutboxRelay twice = relayWith(new RelayFailpoints(true, 0, () -> {
		}));
		withTheServicesRelayStopped(() -> {
			publish(key, 1, label);
			assertThat(twice.publishBatch()).isPositive();
			assertThat(unpublished(label)).isZero();
		});
		await().atMost(Duration.ofSeconds(30)).until(() -> copies(label), (n) -> n == 2);
		List<String> eventIds = probe.records(TOPIC)
			.stream()
			.filter((r) -> r.value().contains(label))
			.map((r) -> TestEvents.tree(r.value()).path("eventId").asString())
			.toList();
		assertThat(eventIds).hasSize(2).containsOnly(eventIds.get(0));
		String after = publish(key, 2, label("after-twice"));
		awaitApplied(after, 1);
		assertThat(applied(label)).isEqualTo(1);
	}

	@Test
	void haltFailpointDiesAfterPublishingTheNthBatchBeforeMarkingItSent() {
		String key = UUID.randomUUID().toString();
		String beforeHalt = label("before-halt");
		String halted = label("halted");
		AtomicInteger halts = new AtomicInteger();
		OutboxRelay dying = relayWith(new RelayFailpoints(false, 2, () -> {
			halts.incrementAndGet();
			throw new IllegalStateException("halted by failpoint");
		}));
		withTheServicesRelayStopped(() -> {
			publish(key, 1, beforeHalt);
			assertThat(dying.publishBatch()).isPositive();
			assertThat(halts).hasValue(0);
			assertThat(unpublished(beforeHalt)).isZero();

			publish(key, 2, halted);
			assertThatThrownBy(dying::publishBatch).hasMessageContaining("halted by failpoint");
			assertThat(halts).hasValue(1);
			probe.awaitRecord(TOPIC, (r) -> r.value().contains(halted));
			assertThat(unpublished(halted)).isEqualTo(1);
		});
		// the restarted relay publishes the unmarked batch again; the inbox applies it
		// once
		await().atMost(Duration.ofSeconds(30)).until(() -> copies(halted), (n) -> n == 2);
		String after = publish(key, 3, label("after-halt"));
		awaitApplied(after, 1);
		assertThat(applied(halted)).isEqualTo(1);
		assertThat(applied(beforeHalt)).isEqualTo(1);
	}

	private OutboxRelay relayWith(RelayFailpoints failpoints) {
		return new OutboxRelay(this.jdbc, this.tx, this.kafka, 500, Duration.ofMillis(250), Duration.ofSeconds(30),
				failpoints);
	}

	/**
	 * Runs an action while the service's own relay is stopped, so that only a relay the
	 * test built publishes.
	 */
	private void withTheServicesRelayStopped(Runnable action) {
		this.relay.stop();
		try {
			action.run();
		}
		finally {
			this.relay.start();
		}
	}

	private int unpublished(String label) {
		Integer count = this.jdbc.queryForObject(
				"select count(*) from outbox where published_at is null and envelope like ?", Integer.class,
				"%" + label + "%");
		return (count != null) ? count : 0;
	}

}
