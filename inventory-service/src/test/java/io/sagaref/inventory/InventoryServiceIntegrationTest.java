package io.sagaref.inventory;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.sagaref.embedded.ServiceDatabase;
import io.sagaref.testsupport.ApiClient;
import io.sagaref.testsupport.ApiReply;
import io.sagaref.testsupport.ContractEvent;
import io.sagaref.testsupport.KafkaProbe;
import io.sagaref.testsupport.TestEvents;
import io.sagaref.testsupport.TestInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Base of the integration tests: inventory-service on real Postgres and Kafka, one
 * application context shared by every subclass, the shared HTTP client, and a Kafka probe
 * that plays the other services with the contract's example events.
 */
@SpringBootTest(classes = InventoryServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class InventoryServiceIntegrationTest {

	protected static final String INVENTORY_TOPIC = "inventory.events";

	protected static final String ORDERS_TOPIC = "orders.events";

	protected static final String PAYMENTS_TOPIC = "payments.events";

	private static final BigDecimal PRICE = new BigDecimal("9.99");

	protected static KafkaProbe probe;

	@LocalServerPort
	private int port;

	protected ApiClient api;

	@Autowired
	protected Reservations reservations;

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		TestInfrastructure.register(registry, ServiceDatabase.INVENTORY);
	}

	@BeforeAll
	static void watchTopics() {
		probe = KafkaProbe.watch(INVENTORY_TOPIC, ORDERS_TOPIC + ".DLT", PAYMENTS_TOPIC + ".DLT");
	}

	@AfterAll
	static void stopWatching() {
		probe.close();
	}

	@BeforeEach
	void connect() {
		this.api = ApiClient.onPort(this.port);
	}

	protected static String newSku() {
		return "SKU-" + UUID.randomUUID().toString().substring(0, 13);
	}

	/**
	 * Registers a new product priced 9.99 through the API.
	 * @param stock its initial stock
	 * @return its sku
	 */
	protected String registerProduct(int stock) {
		String sku = newSku();
		ApiReply reply = this.api.post("/api/products",
				"{\"sku\": \"%s\", \"name\": \"Product %s\", \"price\": %s, \"stock\": %d}".formatted(sku, sku, PRICE,
						stock));
		assertThat(reply.status()).as("registration of %s: %s", sku, reply.body()).isEqualTo(201);
		return sku;
	}

	protected JsonNode product(String sku) {
		ApiReply reply = this.api.get("/api/products/" + sku);
		assertThat(reply.status()).as("product %s: %s", sku, reply.body()).isEqualTo(200);
		return reply.json();
	}

	protected int available(String sku) {
		return product(sku).path("available").asInt();
	}

	protected int reserved(String sku) {
		return product(sku).path("reserved").asInt();
	}

	protected @Nullable ReservationStatus status(UUID orderId) {
		return this.reservations.findById(new OrderId(orderId)).map(Reservation::status).orElse(null);
	}

	/**
	 * Checks the ledger invariants for every product: nothing negative, nothing lost, and
	 * what the product counts as reserved is exactly what its RESERVED orders hold, so no
	 * reservation was applied or released twice.
	 */
	protected void assertLedgerConserved() {
		JsonNode ledger = this.api.get("/internal/stock-ledger").json();
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

	/** A line of an order, as a payment carries it. */
	protected record Line(String sku, int quantity) {
	}

	protected static Line line(String sku, int quantity) {
		return new Line(sku, quantity);
	}

	/**
	 * A PaymentCompleted as payment-service sends it: the contract's example with this
	 * test's order and lines, paying 9.99 a unit.
	 */
	protected static ContractEvent paymentCompleted(UUID orderId, Line... lines) {
		BigDecimal amount = BigDecimal.ZERO;
		for (Line line : lines) {
			amount = amount.add(PRICE.multiply(BigDecimal.valueOf(line.quantity())));
		}
		BigDecimal total = amount;
		return ContractEvent.of("PaymentCompleted").aboutOrder(orderId).sequence(1).payload((payload) -> {
			ArrayNode items = payload.putArray("lines");
			for (Line line : lines) {
				items.addObject().put("sku", line.sku()).put("quantity", line.quantity());
			}
			payload.put("amount", total);
		});
	}

	protected static ContractEvent orderCancelled(UUID orderId) {
		return ContractEvent.of("OrderCancelled").aboutOrder(orderId).sequence(3);
	}

	protected static ContractEvent orderRejected(UUID orderId, String reason) {
		return ContractEvent.of("OrderRejected")
			.aboutOrder(orderId)
			.sequence(2)
			.payload((payload) -> payload.put("reason", reason));
	}

	/**
	 * Sends an event as its producer would: on its contract topic, keyed by its
	 * aggregate.
	 * @param event the event
	 */
	protected static void deliver(ContractEvent event) {
		probe.send(event.topic(), event.key(), event.json());
	}

	protected static ConsumerRecord<String, String> awaitInventoryEvent(String type, UUID orderId) {
		return probe.awaitEvent(INVENTORY_TOPIC, type, orderId.toString());
	}

	protected static List<ConsumerRecord<String, String>> inventoryEvents(String key) {
		return probe.records(INVENTORY_TOPIC).stream().filter((r) -> key.equals(r.key())).toList();
	}

	protected static List<String> inventoryEventTypes(UUID orderId) {
		return inventoryEvents(orderId.toString()).stream().map((r) -> TestEvents.typeOf(r.value())).toList();
	}

	/**
	 * @return a new order holding {@code quantity} of {@code sku}
	 */
	protected UUID reservedOrder(String sku, int quantity) {
		UUID orderId = UUID.randomUUID();
		deliver(paymentCompleted(orderId, line(sku, quantity)));
		awaitInventoryEvent("StockReserved", orderId);
		return orderId;
	}

	/**
	 * Waits until the service has handled everything sent so far on the partition of
	 * {@code key} in {@code topic}: sends a marker on the same partition and waits for
	 * its effect. Lets a test assert that a duplicate had no effect without sleeping.
	 */
	protected void awaitHandledUpTo(String topic, UUID key) {
		UUID marker = UUID.randomUUID();
		if (topic.equals(PAYMENTS_TOPIC)) {
			probe.send(PAYMENTS_TOPIC, key.toString(), paymentCompleted(marker, line(newSku(), 1)).json());
			awaitInventoryEvent("StockRejected", marker);
		}
		else {
			probe.send(ORDERS_TOPIC, key.toString(), orderCancelled(marker).json());
			await().atMost(Duration.ofSeconds(30))
				.until(() -> this.reservations.findById(new OrderId(marker)).isPresent());
		}
	}

}
