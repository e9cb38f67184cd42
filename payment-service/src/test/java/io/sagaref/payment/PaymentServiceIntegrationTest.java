package io.sagaref.payment;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import io.sagaref.embedded.ServiceDatabase;
import io.sagaref.testsupport.ApiClient;
import io.sagaref.testsupport.ApiReply;
import io.sagaref.testsupport.ContractEvent;
import io.sagaref.testsupport.KafkaProbe;
import io.sagaref.testsupport.TestInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The payment service on real Postgres and Kafka, one Spring context shared by every IT,
 * with helpers to call it as a client ({@link ApiClient}) and to talk to it as the other
 * services do (their contract's example events, {@link ContractEvent}). Each test works
 * on its own customers and orders (random ids), since the database and broker are shared.
 * Accounts are snapshotted every 2 events, so every test's accounts are loaded from
 * snapshots as much as from events.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "saga.event-store.snapshot-every=2")
public abstract class PaymentServiceIntegrationTest {

	protected static final String ORDERS = "orders.events";

	protected static final String INVENTORY = "inventory.events";

	protected static final String PAYMENTS = "payments.events";

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

	/**
	 * @return a client of this service, as the gateway calls it
	 */
	protected ApiClient api() {
		return ApiClient.onPort(this.port);
	}

	protected UUID openAccount(String initialBalance) {
		ApiReply created = api().post("/api/customers",
				"{\"name\": \"Ada\", \"initialBalance\": " + initialBalance + "}");
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return UUID.fromString(created.json().path("customerId").asString());
	}

	protected BigDecimal balance(UUID customerId) {
		return api().get("/api/customers/" + customerId).json().path("balance").decimalValue();
	}

	protected ApiReply deposit(UUID customerId, String amount) {
		ApiReply deposited = api().post("/api/customers/" + customerId + "/deposits", "{\"amount\": " + amount + "}");
		assertThat(deposited.status()).as(deposited.body()).isEqualTo(200);
		return deposited;
	}

	/**
	 * @return the customer's ledger, oldest entry first
	 */
	protected JsonNode ledger(UUID customerId) {
		ApiReply ledger = api().get("/api/customers/" + customerId + "/ledger");
		assertThat(ledger.status()).as(ledger.body()).isEqualTo(200);
		return ledger.json();
	}

	protected ApiReply reverse(UUID customerId, String entryId, String reason) {
		return api().post("/api/customers/" + customerId + "/ledger/" + entryId + "/reversal",
				"{\"reason\": \"" + reason + "\"}");
	}

	/**
	 * @return every current-state row of these accounts, by customer id
	 */
	protected List<Map<String, Object>> accountRows(List<UUID> customerIds) {
		String ids = customerIds.stream().map(UUID::toString).collect(Collectors.joining(",", "{", "}"));
		return this.jdbc.queryForList("select customer_id, name, balance, total_deposited, stream_version from account"
				+ " where customer_id = any(?::uuid[]) order by customer_id", ids);
	}

	protected void assertMoneyIsConserved() {
		JsonNode ledger = api().get("/internal/ledger").json();
		assertThat(ledger.path("deposits").decimalValue())
			.isEqualByComparingTo(ledger.path("balances").decimalValue().add(ledger.path("captured").decimalValue()));
	}

	// events

	/**
	 * @return the contract's OrderPlaced, about this order, customer and total
	 */
	protected static ContractEvent orderPlaced(UUID orderId, UUID customerId, String total) {
		return ContractEvent.of("OrderPlaced")
			.aboutOrder(orderId)
			.payload((payload) -> payload.put("customerId", customerId.toString()))
			.money("total", total);
	}

	/**
	 * @return the contract's example of a saga event about this order, with this reason
	 * (if given)
	 */
	protected static ContractEvent orderEvent(String type, UUID orderId, @Nullable String reason) {
		ContractEvent event = ContractEvent.of(type).aboutOrder(orderId);
		return (reason != null) ? event.payload((payload) -> payload.put("reason", reason)) : event;
	}

	/**
	 * Publishes an event as its producer would: on its topic, keyed by its aggregate.
	 * @return the event's id
	 */
	protected UUID publish(ContractEvent event) {
		kafka().send(event.topic(), event.key(), event.json());
		return event.eventId();
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

	/**
	 * Places an order and waits until it is paid.
	 * @return the order's id
	 */
	protected UUID paidOrder(UUID customerId, String total) {
		UUID orderId = UUID.randomUUID();
		publish(orderPlaced(orderId, customerId, total));
		awaitPayment("PaymentCompleted", orderId);
		return orderId;
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

}
