package io.sagaref.order;

import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import io.sagaref.embedded.ServiceDatabase;
import io.sagaref.testsupport.KafkaProbe;
import io.sagaref.testsupport.TestEvents;
import io.sagaref.testsupport.TestInfrastructure;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Base of the integration tests: order-service on real Postgres and Kafka, one Spring
 * context shared by every subclass, a probe that plays the other services, and helpers
 * that speak the service's HTTP API. Long-polls re-read the database only every 20s here,
 * so a quick answer proves the in-process wake-up after commit.
 */
@SpringBootTest(classes = OrderServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "saga.order.status-recheck-interval=20s")
public abstract class IntegrationTest {

	protected static final String ORDERS_TOPIC = "orders.events";

	protected static final String PAYMENTS_TOPIC = "payments.events";

	protected static final String INVENTORY_TOPIC = "inventory.events";

	protected static final JsonMapper JSON = JsonMapper.builder().build();

	protected static KafkaProbe probe;

	@LocalServerPort
	private int port;

	private @Nullable RestClient client;

	@Autowired
	protected JdbcTemplate jdbc;

	@Autowired
	protected Catalog catalog;

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

	/**
	 * Registers a new product as inventory-service would and waits until the replica has
	 * it.
	 * @param price its price
	 * @return its sku
	 */
	protected String productPriced(String price) {
		String sku = "SKU-" + UUID.randomUUID();
		probe.send(INVENTORY_TOPIC, sku, TestEvents.envelope("ProductRegistered", "inventory-service", sku, 1,
				"{\"sku\":\"" + sku + "\",\"name\":\"Product " + sku + "\",\"price\":" + price + ",\"available\":10}"));
		await().atMost(Duration.ofSeconds(30)).until(() -> this.catalog.findBySku(sku).isPresent());
		return sku;
	}

	/**
	 * Places an order of one unit of a new product priced 10.00.
	 * @return the order id
	 */
	protected UUID placedOrder() {
		String sku = productPriced("10.00");
		Reply reply = post("/api/orders", orderJson(UUID.randomUUID(), sku, 1));
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
	 * Sends a saga event about an order as a participant would.
	 * @param topic the topic
	 * @param envelope the envelope
	 * @param orderId the order, the record key
	 */
	protected static void deliver(String topic, String envelope, UUID orderId) {
		probe.send(topic, orderId.toString(), envelope);
	}

	/**
	 * Waits until the order has the status, read from the internal endpoint.
	 * @param orderId the order
	 * @param status the status expected
	 * @return the order as stored
	 */
	protected JsonNode awaitStatus(UUID orderId, String status) {
		return await().atMost(Duration.ofSeconds(30))
			.until(() -> get("/internal/orders/" + orderId).json(),
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
	 * @return how many events of a type for an order are in the outbox, i.e. were emitted
	 */
	protected int emitted(String type, UUID orderId) {
		Integer count = this.jdbc.queryForObject("select count(*) from outbox where event_type = ? and message_key = ?",
				Integer.class, type, orderId.toString());
		return (count != null) ? count : 0;
	}

	protected Reply get(String path) {
		return client().get()
			.uri(path)
			.exchange((request, response) -> Reply.of(response.getStatusCode().value(), response.getHeaders(),
					new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8)));
	}

	protected Reply post(String path, String json) {
		return post(path, json, Map.of());
	}

	protected Reply post(String path, String json, Map<String, String> headers) {
		return client().post()
			.uri(path)
			.contentType(MediaType.APPLICATION_JSON)
			.headers((h) -> headers.forEach(h::add))
			.body(json)
			.exchange((request, response) -> Reply.of(response.getStatusCode().value(), response.getHeaders(),
					new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8)));
	}

	private RestClient client() {
		if (this.client == null) {
			this.client = RestClient.builder()
				.baseUrl("http://localhost:" + this.port)
				.requestFactory(new JdkClientHttpRequestFactory(
						HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()))
				.build();
		}
		return this.client;
	}

	/**
	 * An HTTP answer.
	 *
	 * @param status the status code
	 * @param headers the headers
	 * @param body the body as text
	 */
	protected record Reply(int status, HttpHeaders headers, String body) {

		static Reply of(int status, HttpHeaders headers, String body) {
			return new Reply(status, HttpHeaders.readOnlyHttpHeaders(headers), body);
		}

		public JsonNode json() {
			return JSON.readTree(this.body.isEmpty() ? "{}" : this.body);
		}

		public String contentType() {
			return String.valueOf(this.headers.getContentType());
		}

		public String location() {
			return String.valueOf(this.headers.getLocation());
		}

		public String detail() {
			return json().path("detail").asString();
		}

	}

	protected static void assertProblem(Reply reply, int status, String detailContains) {
		assertThat(reply.status()).as(reply.body()).isEqualTo(status);
		assertThat(reply.contentType()).isEqualTo("application/problem+json");
		assertThat(reply.json().path("status").asInt()).isEqualTo(status);
		assertThat(reply.detail()).contains(detailContains);
	}

}
