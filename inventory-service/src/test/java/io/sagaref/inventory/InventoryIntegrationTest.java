package io.sagaref.inventory;

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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What every integration test of inventory-service shares: one application context on
 * real Postgres and Kafka, an HTTP client, a Kafka probe that plays the other services,
 * and builders of their events from the contract's examples.
 */
@SpringBootTest(classes = InventoryServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class InventoryIntegrationTest {

	static final String INVENTORY = "inventory.events";

	static final String ORDERS = "orders.events";

	static final String PAYMENTS = "payments.events";

	static final JsonMapper JSON = JsonMapper.builder()
		.enable(tools.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.build();

	static KafkaProbe probe;

	@LocalServerPort
	int port;

	@Autowired
	Reservations reservations;

	RestClient http;

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		TestInfrastructure.register(registry, ServiceDatabase.INVENTORY);
	}

	@BeforeAll
	static void watchTopics() {
		probe = KafkaProbe.watch(INVENTORY, ORDERS + ".DLT", PAYMENTS + ".DLT");
	}

	@AfterAll
	static void stopWatching() {
		probe.close();
	}

	@BeforeEach
	void client() {
		this.http = RestClient.builder()
			.baseUrl("http://localhost:" + this.port)
			.defaultStatusHandler((status) -> true, (request, response) -> {
			})
			.build();
	}

	ResponseEntity<String> get(String path) {
		return this.http.get().uri(path).retrieve().toEntity(String.class);
	}

	ResponseEntity<String> post(String path, String body) {
		return this.http.post()
			.uri(path)
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.retrieve()
			.toEntity(String.class);
	}

	static JsonNode body(ResponseEntity<String> response) {
		return JSON.readTree(response.getBody());
	}

	static void assertProblem(ResponseEntity<String> response, int status, String detailContains) {
		assertThat(response.getStatusCode().value()).isEqualTo(status);
		assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		JsonNode problem = body(response);
		assertThat(problem.path("status").asInt()).isEqualTo(status);
		assertThat(problem.path("detail").asString()).contains(detailContains);
	}

	static String newSku() {
		return "SKU-" + UUID.randomUUID().toString().substring(0, 13);
	}

	String registerProduct(int stock) {
		String sku = newSku();
		var response = post("/api/products",
				"{\"sku\": \"%s\", \"name\": \"Product %s\", \"price\": 9.99, \"stock\": %d}".formatted(sku, sku,
						stock));
		assertThat(response.getStatusCode().value()).isEqualTo(201);
		return sku;
	}

	JsonNode product(String sku) {
		var response = get("/api/products/" + sku);
		assertThat(response.getStatusCode().value()).isEqualTo(200);
		return body(response);
	}

	int available(String sku) {
		return product(sku).path("available").asInt();
	}

	int reserved(String sku) {
		return product(sku).path("reserved").asInt();
	}

	/**
	 * Checks the ledger invariants for every product: nothing negative, nothing lost, and
	 * what the product counts as reserved is exactly what its RESERVED orders hold, so no
	 * reservation was applied or released twice.
	 */
	void assertLedgerConserved() {
		JsonNode ledger = body(get("/internal/stock-ledger"));
		assertThat(ledger.isArray()).isTrue();
		for (JsonNode entry : ledger) {
			int available = entry.path("available").asInt();
			int reserved = entry.path("reserved").asInt();
			assertThat(available).as("available of %s", entry).isNotNegative();
			assertThat(reserved).as("reserved of %s", entry).isNotNegative();
			assertThat(available + reserved).as("stock of %s", entry).isEqualTo(entry.path("received").asInt());
			assertThat(entry.path("reservedByOrders").isNumber()).as("reservedByOrders of %s", entry).isTrue();
			assertThat(entry.path("reservedByOrders").asLong()).as("reserved by orders of %s", entry)
				.isEqualTo(reserved);
		}
	}

	record Line(String sku, int quantity) {
	}

	static Line line(String sku, int quantity) {
		return new Line(sku, quantity);
	}

	/**
	 * A PaymentCompleted as payment-service sends it: the contract's example with this
	 * test's order and lines.
	 */
	static String paymentCompleted(UUID eventId, UUID orderId, Line... lines) {
		ObjectNode payload = examplePayload("PaymentCompleted", orderId);
		ArrayNode items = payload.putArray("lines");
		BigDecimal amount = BigDecimal.ZERO;
		for (Line line : lines) {
			items.addObject().put("sku", line.sku()).put("quantity", line.quantity());
			amount = amount.add(new BigDecimal("9.99").multiply(BigDecimal.valueOf(line.quantity())));
		}
		payload.put("amount", amount);
		return TestEvents.envelope(eventId, "PaymentCompleted", "payment-service", orderId.toString(), 1,
				JSON.writeValueAsString(payload));
	}

	static String paymentCompleted(UUID orderId, Line... lines) {
		return paymentCompleted(UUID.randomUUID(), orderId, lines);
	}

	static String orderCancelled(UUID orderId) {
		return TestEvents.envelope("OrderCancelled", "order-service", orderId.toString(), 3,
				JSON.writeValueAsString(examplePayload("OrderCancelled", orderId)));
	}

	static String orderRejected(UUID orderId, String reason) {
		ObjectNode payload = examplePayload("OrderRejected", orderId).put("reason", reason);
		return TestEvents.envelope("OrderRejected", "order-service", orderId.toString(), 2,
				JSON.writeValueAsString(payload));
	}

	/**
	 * @return the payload of the contract's example of {@code type}, about
	 * {@code orderId}
	 */
	static ObjectNode examplePayload(String type, UUID orderId) {
		ObjectNode payload = (ObjectNode) TestEvents.payloadOf(EventContracts.example(type)).deepCopy();
		return payload.put("orderId", orderId.toString());
	}

	static void send(String topic, UUID orderId, String envelope) {
		probe.send(topic, orderId.toString(), envelope);
	}

	static ConsumerRecord<String, String> awaitInventoryEvent(String type, UUID orderId) {
		return probe.awaitEvent(INVENTORY, type, orderId.toString());
	}

	static List<ConsumerRecord<String, String>> inventoryEvents(String key) {
		return probe.records(INVENTORY).stream().filter((r) -> key.equals(r.key())).toList();
	}

	static List<String> inventoryEventTypes(UUID orderId) {
		return inventoryEvents(orderId.toString()).stream().map((r) -> TestEvents.typeOf(r.value())).toList();
	}

	/**
	 * @return a new order holding {@code quantity} of {@code sku}
	 */
	UUID reservedOrder(String sku, int quantity) {
		UUID orderId = UUID.randomUUID();
		send(PAYMENTS, orderId, paymentCompleted(orderId, line(sku, quantity)));
		awaitInventoryEvent("StockReserved", orderId);
		return orderId;
	}

	/**
	 * Waits until the service has handled everything sent so far on the partition of
	 * {@code key} in {@code topic}: sends a marker on the same partition and waits for
	 * its effect. Lets a test assert that a duplicate had no effect without sleeping.
	 */
	void awaitHandledUpTo(String topic, UUID key) {
		UUID marker = UUID.randomUUID();
		if (topic.equals(PAYMENTS)) {
			probe.send(PAYMENTS, key.toString(), paymentCompleted(marker, line(newSku(), 1)));
			awaitInventoryEvent("StockRejected", marker);
		}
		else {
			probe.send(ORDERS, key.toString(), orderCancelled(marker));
			await().atMost(Duration.ofSeconds(30)).until(() -> this.reservations.findById(marker).isPresent());
		}
	}

}
