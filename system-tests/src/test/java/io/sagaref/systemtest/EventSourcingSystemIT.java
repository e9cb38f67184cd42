package io.sagaref.systemtest;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Event sourcing and consistency through the gateway, with every service in its own
 * process on real Postgres and Kafka: history and point in time of an order and an
 * account, a reversal and what follows it, read-your-writes with the Read-Token, the
 * automated log, and a rebuild of the read model and of a service's state while queries
 * keep answering.
 */
class EventSourcingSystemIT extends WholeSystemTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static String readToken(HttpResult reply) {
		return reply.headers()
			.firstValue("Read-Token")
			.orElseThrow(() -> new AssertionError("no Read-Token: " + reply));
	}

	private static List<String> types(JsonNode array, String field) {
		List<String> types = new ArrayList<>();
		array.forEach((entry) -> types.add(entry.path(field).asString()));
		return types;
	}

	@Test
	void aClientThatSendsItsReadTokenNeverMissesItsOwnWrite() {
		String sku = newSku();
		api.createProduct(sku, "3.00", 5);
		HttpResult opened = api.post("/api/customers", "{\"name\": \"Rita\", \"initialBalance\": 30.00}");
		String customer = opened.json().path("customerId").asString();
		assertThat(api.get("/api/customers/" + customer + "?readToken=" + readToken(opened)).status()).isEqualTo(200);

		HttpResult placed = api.placeOrder(customer, sku, 1);
		String orderId = placed.json().path("orderId").asString();
		String token = readToken(placed);

		// straight after the command: the read model answers only once it holds the order
		HttpResult view = api.get("/api/orders/" + orderId + "?readToken=" + token);
		assertThat(view.status()).isEqualTo(200);
		assertThat(view.json().path("orderId").asString()).isEqualTo(orderId);
		assertThat(view.headers().firstValue("Read-Model-As-Of")).isPresent();
		HttpResult list = api.get("/api/orders?customerId=" + customer + "&readToken=" + token);
		assertThat(list.body()).contains(orderId);
		HttpResult overview = api.get("/api/customers/" + customer + "/overview?readToken=" + token);
		assertThat(overview.status()).isEqualTo(200);
		assertThat(overview.json().path("orders").toString()).contains(orderId);

		HttpResult deposit = api.post("/api/customers/" + customer + "/deposits", "{\"amount\": 5.00}");
		HttpResult account = api.get("/api/customers/" + customer + "?readToken=" + readToken(deposit));
		assertThat(account.json().path("balance").decimalValue()).isGreaterThanOrEqualTo(new BigDecimal("32.00"));

		assertThat(api.get("/api/orders/" + orderId + "?readToken=not-a-token").status()).isEqualTo(400);
	}

	@Test
	void anOrdersHistoryAndItsViewAtAnyInstant() {
		String sku = newSku();
		api.createProduct(sku, "4.00", 5);
		String customer = api.createCustomer("Tim", "20.00");
		Instant beforePlacing = Instant.now();
		String orderId = api.placeOrder(customer, sku, 2).json().path("orderId").asString();
		api.awaitTerminalStatus(orderId);
		api.awaitView(orderId, "CONFIRMED");

		HttpResult events = api.get("/api/orders/" + orderId + "/events");
		assertThat(events.status()).isEqualTo(200);
		assertThat(types(events.json(), "type")).containsExactly("OrderPlaced", "OrderConfirmed");
		assertThat(events.json().get(0).path("sequence").asLong()).isEqualTo(1);
		assertThat(events.json().get(0).path("data").path("total").decimalValue()).isEqualByComparingTo("8.00");
		Instant placedAt = Instant.parse(events.json().get(0).path("occurredAt").asString());

		assertThat(api.get("/api/orders/" + orderId + "?asOf=" + beforePlacing.minusSeconds(1)).status())
			.isEqualTo(404);
		JsonNode atPlacement = api.get("/api/orders/" + orderId + "?asOf=" + placedAt).json();
		assertThat(atPlacement.path("status").asString()).isEqualTo("PENDING");
		assertThat(types(atPlacement.path("timeline"), "type")).containsExactly("OrderPlaced");
		JsonNode now = api.get("/api/orders/" + orderId + "?asOf=" + Instant.now()).json();
		assertThat(now.path("status").asString()).isEqualTo("CONFIRMED");
		assertThat(api.get("/api/orders/" + UUID.randomUUID() + "/events").status()).isEqualTo(404);
	}

	@Test
	void aReversedDepositLeavesBothEntriesAndTheBalanceFollows() {
		String sku = newSku();
		api.createProduct(sku, "10.00", 5);
		String customer = api.createCustomer("Uma", "30.00");
		HttpResult deposit = api.post("/api/customers/" + customer + "/deposits", "{\"amount\": 50.00}");
		assertThat(deposit.status()).isEqualTo(200);
		String orderId = api.placeOrder(customer, sku, 1).json().path("orderId").asString();
		assertThat(api.awaitTerminalStatus(orderId)).isEqualTo("CONFIRMED");
		Instant beforeReversal = Instant.now();

		JsonNode ledger = api.get("/api/customers/" + customer + "/ledger").json();
		assertThat(types(ledger, "type")).containsExactly("OPENED", "DEPOSIT", "CHARGE");
		assertThat(ledger.get(2).path("amount").decimalValue()).isEqualByComparingTo("-10.00");
		assertThat(ledger.get(2).path("balanceAfter").decimalValue()).isEqualByComparingTo("70.00");
		assertThat(ledger.get(2).path("orderId").asString()).isEqualTo(orderId);
		String depositEntry = ledger.get(1).path("entryId").asString();

		HttpResult reversal = api.post("/api/customers/" + customer + "/ledger/" + depositEntry + "/reversal",
				"{\"reason\": \"chargeback\"}");
		assertThat(reversal.status()).isEqualTo(201);
		assertThat(reversal.json().path("type").asString()).isEqualTo("REVERSAL");
		assertThat(reversal.json().path("reverses").asString()).isEqualTo(depositEntry);
		assertThat(reversal.json().path("amount").decimalValue()).isEqualByComparingTo("-50.00");

		assertThat(api.get("/api/customers/" + customer).json().path("balance").decimalValue())
			.isEqualByComparingTo("20.00");
		assertThat(api.get("/api/customers/" + customer + "/overview?readToken=" + readToken(reversal))
			.json()
			.path("account")
			.path("balance")
			.decimalValue()).isEqualByComparingTo("20.00");
		JsonNode after = api.get("/api/customers/" + customer + "/ledger").json();
		assertThat(types(after, "type")).containsExactly("OPENED", "DEPOSIT", "CHARGE", "REVERSAL");
		assertThat(after.get(1).path("reversedBy").asString()).isEqualTo(reversal.json().path("entryId").asString());
		assertThat(
				api.get("/api/customers/" + customer + "?asOf=" + beforeReversal).json().path("balance").decimalValue())
			.isEqualByComparingTo("70.00");

		assertThat(api
			.post("/api/customers/" + customer + "/ledger/" + depositEntry + "/reversal", "{\"reason\": \"again\"}")
			.status()).isEqualTo(409);
		assertThat(api
			.post("/api/customers/" + customer + "/ledger/" + ledger.get(2).path("entryId").asString() + "/reversal",
					"{\"reason\": \"not mine\"}")
			.status()).isEqualTo(409);
		invariants.assertMoneyConserved();
	}

	@Test
	void theEventLogIsExportedAsCloudEventsFromAPosition() {
		String customer = api.createCustomer("Vic", "1.00");
		api.post("/api/customers/" + customer + "/deposits", "{\"amount\": 2.00}");

		HttpResult first = api.get("/api/admin/event-log/payment-service?after=0-0&limit=1");
		assertThat(first.status()).isEqualTo(200);
		assertThat(first.contentType()).startsWith("application/x-ndjson");
		String next = first.headers().firstValue("Event-Log-Next").orElseThrow();
		JsonNode event = JSON.readTree(first.body().lines().findFirst().orElseThrow());
		assertThat(event.path("specversion").asString()).isEqualTo("1.0");
		assertThat(event.path("type").asString()).isNotBlank();
		assertThat(event.path("id").asString()).isNotBlank();

		HttpResult rest = api.get("/api/admin/event-log/payment-service?after=" + next + "&limit=10000");
		List<String> lines = rest.body().lines().toList();
		assertThat(lines).isNotEmpty().noneMatch((line) -> line.contains(event.path("id").asString()));
		assertThat(rest.body()).contains(customer);
	}

	@Test
	void theReadModelIsRebuiltWhileQueriesKeepAnswering() throws InterruptedException {
		String sku = newSku();
		api.createProduct(sku, "1.00", 20);
		String customer = api.createCustomer("Wes", "100.00");
		List<String> orders = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			orders.add(api.placeOrder(customer, sku, 1).json().path("orderId").asString());
		}
		orders.forEach((id) -> api.awaitView(id, "CONFIRMED"));
		Map<String, String> before = new HashMap<>();
		orders.forEach((id) -> before.put(id, api.get("/api/orders/" + id).body()));

		AtomicBoolean querying = new AtomicBoolean(true);
		List<Integer> statuses = new CopyOnWriteArrayList<>();
		Thread reader = Thread.ofVirtual().start(() -> {
			while (querying.get()) {
				statuses.add(api.get("/api/orders/" + orders.get(statuses.size() % orders.size())).status());
			}
		});
		HttpResult started = api.post("/api/admin/read-model/rebuild", "{}");
		assertThat(started.status()).isEqualTo(202);
		String location = started.location();
		JsonNode done = await().atMost(Duration.ofSeconds(120))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> api.get(location).json(), (rebuild) -> !rebuild.path("status").asString().equals("RUNNING"));
		querying.set(false);
		reader.join();

		assertThat(done.path("status").asString()).isEqualTo("COMPLETED");
		assertThat(done.path("eventsReplayed").asLong()).isPositive();
		assertThat(statuses).isNotEmpty().containsOnly(200);
		orders.forEach((id) -> assertThat(api.get("/api/orders/" + id).body()).isEqualTo(before.get(id)));
	}

	@Test
	void aServicesStateIsRebuiltFromItsEventsAndEqualsWhatItReplaced() {
		String sku = newSku();
		api.createProduct(sku, "2.00", 5);
		String customer = api.createCustomer("Xia", "10.00");
		String orderId = api.placeOrder(customer, sku, 1).json().path("orderId").asString();
		api.awaitTerminalStatus(orderId);
		String account = api.get("/api/customers/" + customer).body();
		String status = api.get("/api/orders/" + orderId + "/status").body();

		var internal = new SagaApi(stack.service("payment-service").url());
		assertThat(internal.post("/internal/admin/rebuild-state", "{}").status()).isEqualTo(200);
		var orderService = new SagaApi(stack.service("order-service").url());
		assertThat(orderService.post("/internal/admin/rebuild-state", "{}").status()).isEqualTo(200);

		assertThat(api.get("/api/customers/" + customer).body()).isEqualTo(account);
		assertThat(api.get("/api/orders/" + orderId + "/status").body()).isEqualTo(status);
		invariants.assertMoneyConserved();
	}

}
