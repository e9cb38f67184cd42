package io.sagaref.messaging;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import io.sagaref.localstack.ServiceDatabase;
import io.sagaref.messaging.MessagingTestApplication.ThingHappened;
import io.sagaref.messaging.inbox.ErrorPolicy;
import io.sagaref.messaging.outbox.Outbox;
import io.sagaref.messaging.outbox.OutboxRelay;
import io.sagaref.testsupport.KafkaProbe;
import io.sagaref.testsupport.TestEvents;
import io.sagaref.testsupport.TestInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The messaging guarantees on real Postgres and Kafka: publish after commit and only
 * after commit, per-key order, at-least-once relay made exactly-once in effect by the
 * inbox, and poison that never stalls a partition.
 */
@SpringBootTest
class MessagingIT {

	private static KafkaProbe probe;

	@Autowired
	Outbox outbox;

	@Autowired
	OutboxRelay relay;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	JdbcTemplate jdbc;

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		TestInfrastructure.register(registry, ServiceDatabase.ORDERS);
	}

	@BeforeAll
	static void watch() {
		probe = KafkaProbe.watch(MessagingTestApplication.TOPIC,
				MessagingTestApplication.TOPIC + ErrorPolicy.DLT_SUFFIX);
	}

	@AfterAll
	static void stopWatching() {
		probe.close();
	}

	private String publish(String key, long sequence, String label) {
		this.tx.executeWithoutResult((status) -> this.outbox
			.append(OutgoingEvent.of(MessagingTestApplication.TOPIC, key, sequence, new ThingHappened(label))));
		return label;
	}

	private void awaitApplied(String label, int times) {
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(applied(label)).isEqualTo(times));
	}

	private int applied(String label) {
		Integer count = this.jdbc.queryForObject("select count(*) from applied where label = ?", Integer.class, label);
		return (count != null) ? count : 0;
	}

	private static String label(String prefix) {
		return prefix + "-" + UUID.randomUUID();
	}

	@Test
	void publishesACommittedEventWithItsEnvelope() {
		String key = UUID.randomUUID().toString();
		String label = publish(key, 1, label("committed"));
		ConsumerRecord<String, String> record = probe.awaitRecord(MessagingTestApplication.TOPIC,
				(r) -> r.value().contains(label));
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
	void publishesNothingForARolledBackTransaction() {
		String key = UUID.randomUUID().toString();
		String rolledBack = label("rolled-back");
		this.tx.executeWithoutResult((status) -> {
			this.outbox.append(OutgoingEvent.of(MessagingTestApplication.TOPIC, key, 1, new ThingHappened(rolledBack)));
			status.setRollbackOnly();
		});
		String committed = publish(key, 1, label("after-rollback"));
		awaitApplied(committed, 1);
		assertThat(probe.records(MessagingTestApplication.TOPIC)).noneMatch((r) -> r.value().contains(rolledBack));
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
					this.outbox.append(OutgoingEvent.of(MessagingTestApplication.TOPIC, key, i + 1,
							new ThingHappened(prefix + "#" + (i + 1))));
				}
			});
		}
		await().atMost(Duration.ofSeconds(30))
			.until(() -> probe.records(MessagingTestApplication.TOPIC)
				.stream()
				.filter((r) -> key.equals(r.key()))
				.count(), (n) -> n >= 200);
		List<Long> sequences = probe.records(MessagingTestApplication.TOPIC)
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
			.until(() -> probe.records(MessagingTestApplication.TOPIC)
				.stream()
				.filter((r) -> r.value().contains(label))
				.count(), (n) -> n == 2);
		String after = publish(key, 2, label("after-duplicate"));
		awaitApplied(after, 1);
		assertThat(applied(label)).isEqualTo(1);
	}

	@Test
	void deadLettersPoisonWithItsCauseAndMovesOn() {
		String key = UUID.randomUUID().toString();
		probe.send(MessagingTestApplication.TOPIC, key, "{not json");
		probe.send(MessagingTestApplication.TOPIC, key,
				TestEvents.envelope("SomethingNobodyKnows", "elsewhere", key, 1, "{}"));
		String good = publish(key, 1, label("after-poison"));
		awaitApplied(good, 1);
		var garbage = probe.awaitRecord(MessagingTestApplication.TOPIC + ErrorPolicy.DLT_SUFFIX,
				(r) -> key.equals(r.key()) && "{not json".equals(r.value()));
		var unknown = probe.awaitRecord(MessagingTestApplication.TOPIC + ErrorPolicy.DLT_SUFFIX,
				(r) -> key.equals(r.key()) && r.value().contains("SomethingNobodyKnows"));
		assertThat(header(garbage, "kafka_dlt-exception-message")).contains("Not an event envelope");
		assertThat(header(unknown, "kafka_dlt-exception-message"))
			.contains("Unknown event type 'SomethingNobodyKnows'");
		assertThat(header(unknown, "kafka_dlt-original-topic")).isEqualTo(MessagingTestApplication.TOPIC);
		assertThat(unknown.headers().lastHeader("kafka_dlt-original-offset")).isNotNull();
		assertThat(header(unknown, ErrorPolicy.ATTEMPTS_HEADER)).isEqualTo("1");
	}

	@Test
	void skipsTypesTheConsumerDeclaresIgnoredWithoutDeadLettering() {
		String key = UUID.randomUUID().toString();
		probe.send(MessagingTestApplication.TOPIC, key, TestEvents.envelope("Boring", "elsewhere", key, 1, "{}"));
		String good = publish(key, 1, label("after-boring"));
		awaitApplied(good, 1);
		assertThat(probe.records(MessagingTestApplication.TOPIC + ErrorPolicy.DLT_SUFFIX))
			.noneMatch((r) -> key.equals(r.key()));
	}

	@Test
	void appliesAnExactDuplicateOnce() {
		String key = UUID.randomUUID().toString();
		String label = label("duplicate");
		String envelope = TestEvents.envelope(UUID.randomUUID(), "ThingHappened", "elsewhere", key, 1,
				"{\"label\": \"" + label + "\"}");
		probe.send(MessagingTestApplication.TOPIC, key, envelope);
		probe.send(MessagingTestApplication.TOPIC, key, envelope);
		String after = publish(key, 2, label("after-duplicate-delivery"));
		awaitApplied(after, 1);
		assertThat(applied(label)).isEqualTo(1);
	}

	@Test
	void namesTheHandledEventAsTheCauseOfWhatItEmits() {
		String key = UUID.randomUUID().toString();
		String label = publish(key, 1, label("answer"));
		var cause = probe.awaitRecord(MessagingTestApplication.TOPIC,
				(r) -> r.value().contains(label) && TestEvents.typeOf(r.value()).equals("ThingHappened"));
		var answer = probe.awaitRecord(MessagingTestApplication.TOPIC,
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
		assertThat(probe.records(MessagingTestApplication.TOPIC + ErrorPolicy.DLT_SUFFIX))
			.noneMatch((r) -> r.value().contains(label));
	}

	@Test
	void deadLettersAMessageWhoseHandlerKeepsFailingAndMovesOn() {
		String key = UUID.randomUUID().toString();
		String label = label("hopeless");
		MessagingTestApplication.failuresToInject.put(label, new AtomicInteger(Integer.MAX_VALUE));
		publish(key, 1, label);
		String after = publish(key, 2, label("after-hopeless"));
		awaitApplied(after, 1);
		var dead = probe.awaitRecord(MessagingTestApplication.TOPIC + ErrorPolicy.DLT_SUFFIX,
				(r) -> r.value().contains(label));
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

	private static String header(ConsumerRecord<String, String> record, String name) {
		var header = record.headers().lastHeader(name);
		return (header != null) ? new String(header.value(), StandardCharsets.UTF_8) : "";
	}

}
