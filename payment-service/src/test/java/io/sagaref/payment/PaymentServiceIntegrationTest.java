package io.sagaref.payment;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.sagaref.contracts.EventContracts;
import io.sagaref.embedded.ServiceDatabase;
import io.sagaref.testsupport.KafkaProbe;
import io.sagaref.testsupport.TestEvents;
import io.sagaref.testsupport.TestInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The payment service on real Postgres and Kafka, one Spring context shared by every IT,
 * with helpers to call it as a client and to talk to it as the other services do. Each
 * test works on its own customers and orders (random ids), since the database and broker
 * are shared.
 */
@SpringBootTest(classes = PaymentServiceApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
public abstract class PaymentServiceIntegrationTest {

	protected static final String ORDERS = "orders.events";

	protected static final String INVENTORY = "inventory.events";

	protected static final String PAYMENTS = "payments.events";

	/** Reads numbers with decimals exactly, as money must be read. */
	protected static final JsonMapper JSON = JsonMapper.builder()
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.build();

	private static @Nullable KafkaProbe kafka;

	@LocalServerPort
	private int port;

	@Autowired
	protected JdbcTemplate jdbc;

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		TestInfrastructure.register(registry, ServiceDatabase.PAYMENTS);
	}

	/**
	 * @return a probe, shared by all tests, on the topics this service writes to
	 */
	protected static synchronized KafkaProbe kafka() {
		if (kafka == null) {
			kafka = KafkaProbe.watch(PAYMENTS, ORDERS + ".DLT", INVENTORY + ".DLT");
		}
		return kafka;
	}

	// HTTP

	protected Response get(String path) {
		return exchange(http().get().uri(path));
	}

	protected Response post(String path, String json) {
		return exchange(http().post().uri(path).contentType(MediaType.APPLICATION_JSON).body(json));
	}

	private RestClient http() {
		return RestClient.create("http://localhost:" + this.port);
	}

	private Response exchange(RestClient.RequestHeadersSpec<?> request) {
		ResponseEntity<String> response = request.retrieve().onStatus((status) -> true, (req, res) -> {
		}).toEntity(String.class);
		String body = response.getBody();
		return new Response(response.getStatusCode().value(), response.getHeaders(),
				(body != null) ? JSON.readTree(body) : JSON.createObjectNode());
	}

	protected UUID openAccount(String initialBalance) {
		Response created = post("/api/customers", "{\"name\": \"Ada\", \"initialBalance\": " + initialBalance + "}");
		assertThat(created.status()).isEqualTo(201);
		return UUID.fromString(created.body().path("customerId").asString());
	}

	protected BigDecimal balance(UUID customerId) {
		return get("/api/customers/" + customerId).body().path("balance").decimalValue();
	}

	protected void assertMoneyIsConserved() {
		JsonNode ledger = get("/internal/ledger").body();
		assertThat(ledger.path("deposits").decimalValue())
			.isEqualByComparingTo(ledger.path("balances").decimalValue().add(ledger.path("captured").decimalValue()));
	}

	// events

	/**
	 * @return the payload of the contract's example of an event type, to adapt
	 */
	protected static ObjectNode examplePayload(String type) {
		return (ObjectNode) JSON.readTree(EventContracts.example(type)).path("payload").deepCopy();
	}

	protected static ObjectNode orderPlaced(UUID orderId, UUID customerId, String total) {
		ObjectNode payload = examplePayload("OrderPlaced");
		payload.put("orderId", orderId.toString());
		payload.put("customerId", customerId.toString());
		payload.put("total", new BigDecimal(total));
		return payload;
	}

	protected static ObjectNode orderEvent(String type, UUID orderId, @Nullable String reason) {
		ObjectNode payload = examplePayload(type);
		payload.put("orderId", orderId.toString());
		if (reason != null) {
			payload.put("reason", reason);
		}
		return payload;
	}

	/**
	 * Publishes an event as its producer would, keyed by the order id.
	 * @return the event's id
	 */
	protected UUID publish(String type, UUID orderId, JsonNode payload) {
		UUID eventId = UUID.randomUUID();
		publish(eventId, type, orderId.toString(), payload);
		return eventId;
	}

	protected void publish(UUID eventId, String type, String key, JsonNode payload) {
		kafka().send(topicOf(type), key, envelope(eventId, type, key, payload));
	}

	/**
	 * @return the envelope its producer would wrap the payload in
	 */
	protected static String envelope(UUID eventId, String type, String key, JsonNode payload) {
		String source = topicOf(type).equals(ORDERS) ? "order-service" : "inventory-service";
		// TestEvents parses payloads through doubles; set ours as is, to keep money exact
		ObjectNode envelope = (ObjectNode) JSON.readTree(TestEvents.envelope(eventId, type, source, key, 1, "{}"));
		envelope.set("payload", payload);
		return JSON.writeValueAsString(envelope);
	}

	/**
	 * @return the topic of a contract type; unknown types (poison) go to orders.events
	 */
	protected static String topicOf(String type) {
		return EventContracts.topics().values().stream().anyMatch((types) -> types.contains(type))
				? EventContracts.topicOf(type) : ORDERS;
	}

	/**
	 * Waits until the service has applied an event (its id is in the inbox).
	 */
	protected void awaitHandled(UUID eventId) {
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.jdbc.queryForObject(
					"select count(*) from processed_message where event_id = ? and consumer = 'payment-service'",
					Integer.class, eventId) == 1);
	}

	protected ConsumerRecord<String, String> awaitPayment(String type, UUID orderId) {
		return kafka().awaitEvent(PAYMENTS, type, orderId.toString());
	}

	/**
	 * @return the types of the events the service committed for an order, in order
	 */
	protected List<String> paymentEvents(UUID orderId) {
		return this.jdbc.queryForList("select event_type from outbox where message_key = ? order by id", String.class,
				orderId.toString());
	}

	/**
	 * An HTTP response with its body as JSON.
	 *
	 * @param status the status code
	 * @param headers the headers
	 * @param body the body, an empty object if there was none
	 */
	protected record Response(int status, HttpHeaders headers, JsonNode body) {

		public boolean isProblem() {
			MediaType type = this.headers.getContentType();
			return type != null && type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		}

	}

}
