package io.sagaref.orderquery;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import io.sagaref.embedded.ServiceDatabase;
import io.sagaref.testsupport.ApiClient;
import io.sagaref.testsupport.ApiReply;
import io.sagaref.testsupport.KafkaProbe;
import io.sagaref.testsupport.TestInfrastructure;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.awaitility.Awaitility.await;

/**
 * What every integration test of the read model shares: one application context on the
 * shared real Postgres and Kafka, a probe that sends events as the other services would
 * and watches the dead-letter topics, and the API as a client calls it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class OrderQueryServiceIntegrationTest {

	static final List<String> TOPICS = List.of("orders.events", "payments.events", "inventory.events");

	private static @Nullable KafkaProbe probe;

	@LocalServerPort
	int port;

	ApiClient api;

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		TestInfrastructure.register(registry, ServiceDatabase.ORDER_QUERY);
	}

	@BeforeEach
	void client() {
		this.api = ApiClient.onPort(this.port);
	}

	static synchronized KafkaProbe kafka() {
		if (probe == null) {
			probe = KafkaProbe.watch("orders.events.DLT", "payments.events.DLT", "inventory.events.DLT");
		}
		return probe;
	}

	static void send(Saga.Event... events) {
		kafka().sendAll(Arrays.stream(events)
			.map((event) -> new ProducerRecord<>(event.topic(), event.key(), event.json()))
			.toList());
	}

	/**
	 * Polls the order's view until it satisfies the condition.
	 */
	JsonNode awaitView(UUID orderId, Predicate<JsonNode> condition) {
		return await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> this.api.get("/api/orders/" + orderId),
					(reply) -> reply.status() == 200 && condition.test(reply.json()))
			.json();
	}

	/**
	 * @param orderId an order
	 * @return its view as the API shows it now
	 */
	JsonNode view(UUID orderId) {
		ApiReply reply = this.api.get("/api/orders/" + orderId);
		return reply.json();
	}

	/**
	 * Waits until the projection's consumer group has committed every partition of the
	 * three topics up to its end: every event sent so far is applied (or dead-lettered).
	 */
	static void awaitProjectionIdle() {
		try (Admin admin = Admin
			.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.bootstrapServers()))) {
			await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> {
				Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
				for (var description : admin.describeTopics(TOPICS).allTopicNames().get().values()) {
					description.partitions()
						.forEach((partition) -> latest
							.put(new TopicPartition(description.name(), partition.partition()), OffsetSpec.latest()));
				}
				var ends = admin.listOffsets(latest).all().get();
				Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets("order-query-service")
					.partitionsToOffsetAndMetadata()
					.get();
				return ends.entrySet()
					.stream()
					.allMatch((end) -> end.getValue().offset() == 0 || (committed.get(end.getKey()) != null
							&& committed.get(end.getKey()).offset() >= end.getValue().offset()));
			});
		}
	}

	static Predicate<JsonNode> hasTimelineOf(int entries) {
		return (view) -> view.path("timeline").size() == entries;
	}

	static List<String> timelineTypes(JsonNode view) {
		List<String> types = new ArrayList<>();
		view.path("timeline").forEach((entry) -> types.add(entry.path("type").asString()));
		return types;
	}

}
