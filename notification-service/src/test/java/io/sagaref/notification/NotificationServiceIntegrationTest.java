package io.sagaref.notification;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.UUID;

import io.sagaref.embedded.ServiceDatabase;
import io.sagaref.testsupport.ApiClient;
import io.sagaref.testsupport.ApiReply;
import io.sagaref.testsupport.ContractEvent;
import io.sagaref.testsupport.KafkaProbe;
import io.sagaref.testsupport.TestInfrastructure;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Base of the integration tests: notification-service on real Postgres and Kafka, with
 * loopback targets allowed and a retry schedule in seconds (1 s, 1 s, 1 s, then failed),
 * a Kafka probe that plays order-service with the contract's example events, and real
 * HTTP receivers on loopback.
 */
@SpringBootTest(classes = NotificationServiceApplication.class,
		webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "saga.notifications.allow-loopback=true", "saga.notifications.delivery.backoff=1s,1s,1s",
				"saga.notifications.delivery.jitter=0", "saga.notifications.delivery.poll-interval=100ms",
				"saga.notifications.delivery.read-timeout=5s", "saga.notifications.delivery.lease=5s" })
public abstract class NotificationServiceIntegrationTest {

	protected static final String ORDERS_TOPIC = "orders.events";

	protected static final String NOTIFICATIONS_TOPIC = "notifications.events";

	protected static KafkaProbe probe;

	@LocalServerPort
	private int port;

	protected ApiClient api;

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		TestInfrastructure.register(registry, ServiceDatabase.NOTIFICATIONS);
	}

	@BeforeAll
	static void watchTopics() {
		probe = KafkaProbe.watch(NOTIFICATIONS_TOPIC, ORDERS_TOPIC + ".DLT");
	}

	@AfterAll
	static void stopWatching() {
		probe.close();
	}

	@BeforeEach
	void connect() {
		this.api = ApiClient.onPort(this.port);
	}

	/**
	 * @return the reply to registering the URL for the customer
	 */
	protected ApiReply register(UUID customerId, String url) {
		return this.api.post("/api/customers/" + customerId + "/webhooks", "{\"url\": \"" + url + "\"}");
	}

	/**
	 * @return the registered endpoint (webhookId, url, secret)
	 */
	protected JsonNode registered(UUID customerId, String url) {
		ApiReply reply = register(customerId, url);
		assertThat(reply.status()).as("registration of %s: %s", url, reply.body()).isEqualTo(201);
		return reply.json();
	}

	protected JsonNode deliveries(UUID customerId, String webhookId) {
		ApiReply reply = this.api.get("/api/customers/" + customerId + "/webhooks/" + webhookId + "/deliveries");
		assertThat(reply.status()).as("deliveries: %s", reply.body()).isEqualTo(200);
		return reply.json();
	}

	/**
	 * Waits for the endpoint's only delivery to reach a status.
	 * @return the delivery
	 */
	protected JsonNode awaitDelivery(UUID customerId, String webhookId, String status) {
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(deliveries(customerId, webhookId).path(0).path("status").asString())
				.isEqualTo(status));
		return deliveries(customerId, webhookId).path(0);
	}

	/**
	 * Plays order-service: places an order of the customer (total 25.00).
	 */
	protected static void placed(UUID orderId, UUID customerId, @Nullable String callbackUrl) {
		deliver(ContractEvent.of("OrderPlaced").aboutOrder(orderId).payload((payload) -> {
			payload.put("customerId", customerId.toString());
			payload.put("total", new BigDecimal("25.00"));
			if (callbackUrl != null) {
				payload.put("callbackUrl", callbackUrl);
			}
			else {
				payload.putNull("callbackUrl");
			}
		}));
	}

	protected static ContractEvent confirmed(UUID orderId, UUID customerId) {
		return ContractEvent.of("OrderConfirmed")
			.aboutOrder(orderId)
			.payload((payload) -> payload.put("customerId", customerId.toString()));
	}

	protected static ContractEvent rejected(UUID orderId, UUID customerId, String reason) {
		return ContractEvent.of("OrderRejected")
			.aboutOrder(orderId)
			.payload((payload) -> payload.put("customerId", customerId.toString()).put("reason", reason));
	}

	protected static void deliver(ContractEvent event) {
		probe.send(event.topic(), event.key(), event.json());
	}

}
