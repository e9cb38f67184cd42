package io.sagaref.order;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.sagaref.embedded.ServiceDatabase;
import io.sagaref.testsupport.ApiClient;
import io.sagaref.testsupport.ApiReply;
import io.sagaref.testsupport.ContractEvent;
import io.sagaref.testsupport.KafkaProbe;
import io.sagaref.testsupport.TestInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.awaitility.Awaitility.await;

/**
 * Base of the integration tests: order-service on real Postgres and Kafka, one Spring
 * context shared by every subclass, a probe that plays the other services with the
 * contract's example events, and the shared HTTP client. Long-polls re-read the database
 * only every 20s here, so a quick answer proves the in-process wake-up after commit.
 */
@SpringBootTest(classes = OrderServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "saga.order.status-recheck-interval=20s")
public abstract class OrderServiceIntegrationTest {

	protected static final String ORDERS_TOPIC = "orders.events";

	protected static final String PAYMENTS_TOPIC = "payments.events";

	protected static final String INVENTORY_TOPIC = "inventory.events";

	protected static KafkaProbe probe;

	@LocalServerPort
	private int port;

	protected ApiClient api;

	@Autowired
	protected JdbcTemplate jdbc;

	@Autowired
	protected Catalog catalog;

	@Autowired
	protected WebhookUrls webhookUrls;

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		TestInfrastructure.register(registry, ServiceDatabase.ORDERS);
	}

	@BeforeAll
	static void startProbe() {
		probe = KafkaProbe.watch(ORDERS_TOPIC, INVENTORY_TOPIC + ".DLT", PAYMENTS_TOPIC + ".DLT");
	}

	@AfterAll
	static void stopProbe() {
		probe.close();
	}

	@BeforeEach
	void connect() {
		this.api = ApiClient.onPort(this.port);
	}

	/**
	 * Registers a new product as inventory-service would and waits until the replica has
	 * it.
	 * @param price its price
	 * @return its sku
	 */
	protected String productPriced(String price) {
		String sku = "SKU-" + UUID.randomUUID();
		deliver(ContractEvent.of("ProductRegistered")
			.about(sku)
			.sequence(1)
			.payload((p) -> p.put("sku", sku).put("name", "Product " + sku))
			.money("price", price));
		await().atMost(Duration.ofSeconds(30)).until(() -> this.catalog.findBySku(sku).isPresent());
		return sku;
	}

	/**
	 * Registers a webhook URL of the customer as notification-service would announce it,
	 * and waits until the replica has it.
	 * @param customerId the owner
	 * @param url the URL
	 * @return the endpoint's id
	 */
	protected UUID webhookRegistered(UUID customerId, String url) {
		UUID webhookId = UUID.randomUUID();
		deliver(webhookEvent("WebhookRegistered", webhookId, customerId, url, 1));
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.webhookUrls.isRegistered(new CustomerId(customerId), url));
		return webhookId;
	}

	/**
	 * The contract's example of an event of notification-service about an endpoint.
	 */
	protected static ContractEvent webhookEvent(String type, UUID webhookId, UUID customerId, String url,
			long sequence) {
		return ContractEvent.of(type)
			.about(webhookId.toString())
			.sequence(sequence)
			.payload((p) -> p.put("webhookId", webhookId.toString())
				.put("customerId", customerId.toString())
				.put("url", url));
	}

	/**
	 * Places an order of one unit of a new product priced 10.00.
	 * @return the order id
	 */
	protected UUID placedOrder() {
		String sku = productPriced("10.00");
		ApiReply reply = this.api.post("/api/orders", orderJson(UUID.randomUUID(), sku, 1));
		if (reply.status() != 202) {
			throw new AssertionError("Could not place an order: " + reply);
		}
		return UUID.fromString(reply.json().path("orderId").asString());
	}

	protected static String orderJson(UUID customerId, String sku, int quantity) {
		return "{\"customerId\":\"" + customerId + "\",\"lines\":[{\"sku\":\"" + sku + "\",\"quantity\":" + quantity
				+ "}]}";
	}

	/**
	 * The contract's example of a saga event, about an order.
	 * @param type the event type
	 * @param orderId the order
	 * @return the event, to change further or deliver
	 */
	protected static ContractEvent sagaEvent(String type, UUID orderId) {
		return ContractEvent.of(type).aboutOrder(orderId);
	}

	/**
	 * Sends an event as its producer would: on its contract topic, keyed by its
	 * aggregate.
	 * @param event the event
	 */
	protected static void deliver(ContractEvent event) {
		probe.send(event.topic(), event.key(), event.json());
	}

	/**
	 * Waits until the order has the status, read from the internal endpoint.
	 * @param orderId the order
	 * @param status the status expected
	 * @return the order as stored
	 */
	protected JsonNode awaitStatus(UUID orderId, String status) {
		return await().atMost(Duration.ofSeconds(30))
			.until(() -> this.api.get("/internal/orders/" + orderId).json(),
					(order) -> status.equals(order.path("status").asString()));
	}

	/**
	 * Waits until order-service's inbox recorded the event, i.e. its handler committed.
	 * @param eventId the event
	 */
	protected void awaitProcessed(UUID eventId) {
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.jdbc.queryForObject(
					"select count(*) from processed_message where event_id = ? and consumer = 'order-service'",
					Integer.class, eventId) == 1);
	}

	/**
	 * @return how many events of a type are in the order's stream, i.e. were emitted
	 * (every order event is published from the stream)
	 */
	protected int emitted(String type, UUID orderId) {
		Integer count = this.jdbc.queryForObject(
				"select count(*) from event_store where event_type = ? and stream_id = ? and stream_type = 'order'",
				Integer.class, type, orderId.toString());
		return (count != null) ? count : 0;
	}

	/**
	 * @return the versions of the order's stream, in order
	 */
	protected List<Long> streamVersions(UUID orderId) {
		return this.jdbc.queryForList(
				"select stream_version from event_store where stream_id = ? and stream_type = 'order' order by stream_version",
				Long.class, orderId.toString());
	}

}
