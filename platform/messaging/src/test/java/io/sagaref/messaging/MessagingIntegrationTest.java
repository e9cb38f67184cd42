package io.sagaref.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import io.sagaref.embedded.ServiceDatabase;
import io.sagaref.messaging.MessagingTestApplication.ThingHappened;
import io.sagaref.messaging.inbox.ErrorPolicy;
import io.sagaref.messaging.outbox.Outbox;
import io.sagaref.messaging.outbox.OutboxRelay;
import io.sagaref.testsupport.ApiClient;
import io.sagaref.testsupport.ApiReply;
import io.sagaref.testsupport.KafkaProbe;
import io.sagaref.testsupport.TestInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Base of the messaging library's integration tests: the test service on real Postgres
 * and Kafka in one Spring context shared by every subclass, a probe on its topic and its
 * dead-letter topic, and helpers to publish, to count effects and to call its HTTP
 * endpoints.
 */
@SpringBootTest(classes = MessagingTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class MessagingIntegrationTest {

	static final String TOPIC = MessagingTestApplication.TOPIC;

	static final String DLT = TOPIC + ErrorPolicy.DLT_SUFFIX;

	static KafkaProbe probe;

	@Autowired
	Outbox outbox;

	@Autowired
	OutboxRelay relay;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	JdbcTemplate jdbc;

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		TestInfrastructure.register(registry, ServiceDatabase.ORDERS);
	}

	@BeforeAll
	static void watch() {
		probe = KafkaProbe.watch(TOPIC, DLT);
	}

	@AfterAll
	static void stopWatching() {
		probe.close();
	}

	String publish(String key, long sequence, String label) {
		this.tx.executeWithoutResult(
				(status) -> this.outbox.append(OutgoingEvent.of(TOPIC, key, sequence, new ThingHappened(label))));
		return label;
	}

	void awaitApplied(String label, int times) {
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(applied(label)).isEqualTo(times));
	}

	int applied(String label) {
		Integer count = this.jdbc.queryForObject("select count(*) from applied where label = ?", Integer.class, label);
		return (count != null) ? count : 0;
	}

	/**
	 * @return how many records carrying the label the probe has seen on the topic
	 */
	static long copies(String label) {
		return probe.records(TOPIC).stream().filter((r) -> r.value().contains(label)).count();
	}

	static String label(String prefix) {
		return prefix + "-" + UUID.randomUUID();
	}

	static String header(ConsumerRecord<String, String> record, String name) {
		var header = record.headers().lastHeader(name);
		return (header != null) ? new String(header.value(), StandardCharsets.UTF_8) : "";
	}

	ApiReply get(String path) {
		return ApiClient.onPort(this.port).get(path);
	}

	ApiReply post(String path) {
		return ApiClient.onPort(this.port).post(path, "");
	}

}
