package io.sagaref.systemtest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every path of the saga, driven through the gateway's public API while all five services
 * run in their own processes on real Postgres and Kafka, exactly as the local stack runs
 * them.
 */
class SagaSystemIT extends WholeSystemTest {

	private static String balanceOf(String customerId) {
		return api.get("/api/customers/" + customerId).json().path("balance").decimalValue().toPlainString();
	}

	private static long availableOf(String sku) {
		return api.get("/api/products/" + sku).json().path("available").asLong();
	}

	private static List<String> timelineTypes(JsonNode view) {
		List<String> types = new ArrayList<>();
		view.path("timeline").forEach((entry) -> types.add(entry.path("type").asString()));
		return types;
	}

	@Test
	void confirmsAnOrderWhenFundsAndStockSuffice() {
		String sku = newSku();
		api.createProduct(sku, "12.50", 10);
		String customer = api.createCustomer("Ada", "100.00");

		HttpResult accepted = api.placeOrder(customer, sku, 2);
		assertThat(accepted.json().path("status").asString()).isEqualTo("PENDING");
		String orderId = accepted.json().path("orderId").asString();
		assertThat(accepted.location()).endsWith("/api/orders/" + orderId + "/status");

		assertThat(api.awaitTerminalStatus(orderId)).isEqualTo("CONFIRMED");
		HttpResult finished = api.get("/api/orders/" + orderId + "/status");
		assertThat(finished.status()).isEqualTo(303);
		assertThat(finished.location()).endsWith("/api/orders/" + orderId);

		JsonNode view = api.awaitView(orderId, "CONFIRMED");
		assertThat(view.path("total").decimalValue()).isEqualByComparingTo("25.00");
		assertThat(view.path("payment").path("status").asString()).isEqualTo("COMPLETED");
		assertThat(view.path("stock").path("status").asString()).isEqualTo("RESERVED");
		assertThat(timelineTypes(view)).contains("OrderPlaced", "PaymentCompleted", "StockReserved", "OrderConfirmed");
		assertThat(balanceOf(customer)).isEqualTo("75.00");
		assertThat(availableOf(sku)).isEqualTo(8);
	}

	@Test
	void rejectsAnOrderTheCustomerCannotAfford() {
		String sku = newSku();
		api.createProduct(sku, "40.00", 10);
		String customer = api.createCustomer("Bob", "50.00");

		String orderId = api.placeOrder(customer, sku, 2).json().path("orderId").asString();

		assertThat(api.awaitTerminalStatus(orderId)).isEqualTo("REJECTED");
		JsonNode view = api.awaitView(orderId, "REJECTED");
		assertThat(view.path("rejectionReason").asString()).isEqualTo("INSUFFICIENT_FUNDS");
		assertThat(view.path("payment").path("status").asString()).isEqualTo("DECLINED");
		assertThat(balanceOf(customer)).isEqualTo("50.00");
		assertThat(availableOf(sku)).isEqualTo(10);
	}

	@Test
	void rejectsAnOrderOfAnUnknownCustomer() {
		String sku = newSku();
		api.createProduct(sku, "1.00", 1);

		String orderId = api.placeOrder(UUID.randomUUID().toString(), sku, 1).json().path("orderId").asString();

		assertThat(api.awaitTerminalStatus(orderId)).isEqualTo("REJECTED");
		assertThat(api.awaitView(orderId, "REJECTED").path("rejectionReason").asString()).isEqualTo("UNKNOWN_CUSTOMER");
		assertThat(availableOf(sku)).isEqualTo(1);
	}

	@Test
	void refundsThePaymentAndRejectsWhenStockIsShort() {
		String sku = newSku();
		api.createProduct(sku, "10.00", 1);
		String customer = api.createCustomer("Cy", "100.00");

		String orderId = api.placeOrder(customer, sku, 3).json().path("orderId").asString();

		assertThat(api.awaitTerminalStatus(orderId)).isEqualTo("REJECTED");
		JsonNode view = api.awaitView(orderId, "REJECTED");
		assertThat(view.path("rejectionReason").asString()).isEqualTo("OUT_OF_STOCK");
		assertThat(view.path("payment").path("status").asString()).isEqualTo("REFUNDED");
		assertThat(view.path("stock").path("status").asString()).isEqualTo("REJECTED");
		assertThat(timelineTypes(view)).contains("PaymentCompleted", "StockRejected", "PaymentRefunded",
				"OrderRejected");
		assertThat(balanceOf(customer)).isEqualTo("100.00");
		assertThat(availableOf(sku)).isEqualTo(1);
	}

	@Test
	void cancellingAPendingOrderUndoesEveryStepTaken() {
		String sku = newSku();
		api.createProduct(sku, "5.00", 4);
		String customer = api.createCustomer("Di", "20.00");
		String orderId = api.placeOrder(customer, sku, 2).json().path("orderId").asString();

		HttpResult cancel = api.post("/api/orders/" + orderId + "/cancel", "");

		assertThat(cancel.status()).isEqualTo(202);
		assertThat(api.awaitTerminalStatus(orderId)).isEqualTo("CANCELLED");
		api.awaitView(orderId, "CANCELLED");
		invariants.awaitQuietAndAssertAll();
		org.awaitility.Awaitility.await().untilAsserted(() -> {
			assertThat(balanceOf(customer)).isEqualTo("20.00");
			assertThat(availableOf(sku)).isEqualTo(4);
		});
	}

	@Test
	void cancellingAConfirmedOrderRefundsAndReleases() {
		String sku = newSku();
		api.createProduct(sku, "5.00", 4);
		String customer = api.createCustomer("Ed", "20.00");
		String orderId = api.placeOrder(customer, sku, 2).json().path("orderId").asString();
		assertThat(api.awaitTerminalStatus(orderId)).isEqualTo("CONFIRMED");
		assertThat(balanceOf(customer)).isEqualTo("10.00");

		assertThat(api.post("/api/orders/" + orderId + "/cancel", "").status()).isEqualTo(202);

		assertThat(api.awaitTerminalStatus(orderId)).isEqualTo("CANCELLED");
		org.awaitility.Awaitility.await().untilAsserted(() -> {
			JsonNode view = api.awaitView(orderId, "CANCELLED");
			assertThat(timelineTypes(view)).contains("OrderCancelled", "PaymentRefunded", "StockReleased");
			assertThat(balanceOf(customer)).isEqualTo("20.00");
			assertThat(availableOf(sku)).isEqualTo(4);
		});
	}

	@Test
	void refusesToCancelARejectedOrder() {
		String sku = newSku();
		api.createProduct(sku, "99.00", 1);
		String customer = api.createCustomer("Flo", "1.00");
		String orderId = api.placeOrder(customer, sku, 1).json().path("orderId").asString();
		assertThat(api.awaitTerminalStatus(orderId)).isEqualTo("REJECTED");

		HttpResult cancel = api.post("/api/orders/" + orderId + "/cancel", "");

		assertThat(cancel.status()).isEqualTo(409);
		assertThat(cancel.contentType()).startsWith("application/problem+json");
	}

	@Test
	void aRetriedPostWithTheSameIdempotencyKeyReturnsTheSameOrder() {
		String sku = newSku();
		api.createProduct(sku, "3.00", 10);
		String customer = api.createCustomer("Gus", "30.00");
		api.placeOrder(customer, sku, 1);
		String body = "{\"customerId\": \"" + customer + "\", \"lines\": [{\"sku\": \"" + sku
				+ "\", \"quantity\": 1}]}";
		String key = UUID.randomUUID().toString();

		HttpResult first = api.post("/api/orders", body, Map.of("Idempotency-Key", key));
		HttpResult retry = api.post("/api/orders", body, Map.of("Idempotency-Key", key));

		assertThat(first.status()).isEqualTo(202);
		assertThat(retry.status()).isEqualTo(202);
		assertThat(retry.json().path("orderId").asString()).isEqualTo(first.json().path("orderId").asString());
		api.awaitTerminalStatus(first.json().path("orderId").asString());
		invariants.awaitQuietAndAssertAll();
		assertThat(balanceOf(customer)).isEqualTo("24.00");
	}

	@Test
	void answersBadInputWithProblemDetailsAndNoOrder() {
		String sku = newSku();
		api.createProduct(sku, "1.00", 1);
		String customer = api.createCustomer("Hal", "5.00");
		List<HttpResult> answers = List.of(api.post("/api/orders", "{not json"),
				api.post("/api/orders", "{\"lines\": [{\"sku\": \"" + sku + "\", \"quantity\": 1}]}"),
				api.post("/api/orders",
						"{\"customerId\": \"" + customer + "\", \"lines\": [{\"sku\": \"" + sku
								+ "\", \"quantity\": 0}]}"),
				api.post("/api/orders",
						"{\"customerId\": \"" + customer
								+ "\", \"lines\": [{\"sku\": \"NOPE-404\", \"quantity\": 1}]}"),
				api.post("/api/customers", "{\"name\": \"Neg\", \"initialBalance\": -1}"),
				api.post("/api/customers/" + customer + "/deposits", "{\"amount\": 0}"),
				api.post("/api/products", "{\"sku\": \"" + sku + "\", \"name\": \"dup\", \"price\": 1, \"stock\": 1}"),
				api.get("/api/orders/" + UUID.randomUUID()), api.get("/api/customers/" + UUID.randomUUID()),
				api.get("/api/products/NOPE-404"), api.get("/api/customers/not-a-uuid"));

		assertThat(answers).allSatisfy((answer) -> {
			assertThat(answer.status()).as(answer.toString()).isBetween(400, 499);
			assertThat(answer.contentType()).as(answer.toString()).startsWith("application/problem+json");
			assertThat(answer.json().path("detail").asString()).as(answer.toString()).isNotBlank();
		});
		assertThat(answers.get(3).status()).isEqualTo(422);
		assertThat(answers.get(3).json().path("detail").asString()).contains("NOPE-404");
		assertThat(api.get("/api/orders?customerId=" + customer).json().path("totalElements").asLong()).isZero();
	}

	@Test
	void composesACustomerOverviewFromThreeServices() {
		String sku = newSku();
		api.createProduct(sku, "2.00", 10);
		String customer = api.createCustomer("Ivy", "10.00");
		String orderId = api.placeOrder(customer, sku, 2).json().path("orderId").asString();
		api.awaitTerminalStatus(orderId);
		api.awaitView(orderId, "CONFIRMED");

		HttpResult overview = api.get("/api/customers/" + customer + "/overview");

		assertThat(overview.status()).isEqualTo(200);
		JsonNode json = overview.json();
		assertThat(json.path("partial").asBoolean()).isFalse();
		assertThat(json.path("account").path("balance").decimalValue()).isEqualByComparingTo("6.00");
		assertThat(overview.body()).as("money keeps its exact form through the composition")
			.contains("\"balance\":6.00");
		assertThat(json.path("orders").toString()).contains(orderId);
		assertThat(json.path("availability").toString()).contains(sku);
	}

	@Test
	void keepsMoneyAndStockConservedAcrossAMixOfOutcomes() {
		String sku = newSku();
		api.createProduct(sku, "10.00", 5);
		List<String> orderIds = new ArrayList<>();
		for (int i = 0; i < 12; i++) {
			String customer = api.createCustomer("Mix" + i, (i % 3 == 0) ? "5.00" : "25.00");
			orderIds.add(api.placeOrder(customer, sku, 1 + (i % 2)).json().path("orderId").asString());
		}
		orderIds.forEach((id) -> assertThat(api.awaitTerminalStatus(id)).isIn("CONFIRMED", "REJECTED"));

		invariants.awaitQuietAndAssertAll();
		assertThat(availableOf(sku)).isBetween(0L, 5L);
	}

	@Test
	void theBenchmarksSmokeRunPassesOnTheWholeSystem() {
		Path output = Path.of("target", "benchmark-smoke");
		var options = BenchmarkOptions.parse(new String[] { "--smoke", "--url", stack.gatewayUrl(), "--order-url",
				stack.service("order-service").url(), "--payment-url", stack.service("payment-service").url(),
				"--inventory-url", stack.service("inventory-service").url(), "--drain", "60s", "--output",
				output.toString() });

		List<String> problems = ThroughputBenchmark.run(options, "--smoke");

		assertThat(problems).as("every order terminal as its kind implies, invariants hold").isEmpty();
		JsonNode result = JsonMapper.builder().build().readTree(output.resolve("result.json").toFile());
		assertThat(result.path("invariants").asString()).isEqualTo("PASS");
		assertThat(output.resolve("latency.html")).content().contains("<svg");
	}

}
