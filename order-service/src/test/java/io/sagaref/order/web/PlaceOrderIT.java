package io.sagaref.order.web;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.sagaref.contracts.EventContracts;
import io.sagaref.order.OrderServiceIntegrationTest;
import io.sagaref.testsupport.ApiReply;
import io.sagaref.testsupport.TestEvents;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static io.sagaref.testsupport.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class PlaceOrderIT extends OrderServiceIntegrationTest {

	@Test
	void placesAnOrderPricedFromTheCatalogAndEmitsOrderPlaced() {
		String book = productPriced("12.50");
		String pen = productPriced("3.10");
		UUID customer = UUID.randomUUID();
		webhookRegistered(customer, "https://client.example/hooks/orders");

		ApiReply reply = this.api.post("/api/orders", """
				{"customerId":"%s","lines":[{"sku":"%s","quantity":2},{"sku":"%s","quantity":3}],
				 "callbackUrl":"https://client.example/hooks/orders"}""".formatted(customer, book, pen));

		assertThat(reply.status()).isEqualTo(202);
		String orderId = reply.json().path("orderId").asString();
		assertThat(reply.json().path("status").asString()).isEqualTo("PENDING");
		assertThat(reply.location()).isEqualTo("/api/orders/" + orderId + "/status");

		JsonNode stored = this.api.get("/internal/orders/" + orderId).json();
		assertThat(stored.path("total").decimalValue()).isEqualByComparingTo("34.30");
		assertThat(stored.path("lines").get(0).path("unitPrice").decimalValue()).isEqualByComparingTo("12.50");
		assertThat(stored.path("callbackUrl").asString()).isEqualTo("https://client.example/hooks/orders");

		var placed = probe.awaitEvent(ORDERS_TOPIC, "OrderPlaced", orderId);
		EventContracts.assertConforms(ORDERS_TOPIC, placed.value());
		// amounts travel as JSON numbers with two decimals
		assertThat(placed.value()).contains("\"total\":34.30", "\"unitPrice\":12.50", "\"unitPrice\":3.10");
		JsonNode envelope = TestEvents.tree(placed.value());
		assertThat(envelope.path("sequence").asLong()).isEqualTo(1);
		assertThat(envelope.path("source").asString()).isEqualTo("order-service");
		JsonNode payload = envelope.path("payload");
		assertThat(payload.path("customerId").asString()).isEqualTo(customer.toString());
		assertThat(payload.path("total").decimalValue()).isEqualByComparingTo("34.30");
		assertThat(payload.path("lines")).hasSize(2);
		assertThat(payload.path("lines").get(1).path("sku").asString()).isEqualTo(pen);
		assertThat(payload.path("lines").get(1).path("unitPrice").decimalValue()).isEqualByComparingTo("3.10");
		assertThat(payload.path("callbackUrl").asString()).isEqualTo("https://client.example/hooks/orders");
	}

	@Test
	void answers422NamingAnUnknownSku() {
		String known = productPriced("1.00");
		String unknown = "NO-SUCH-" + UUID.randomUUID();

		ApiReply reply = this.api.post("/api/orders", """
				{"customerId":"%s","lines":[{"sku":"%s","quantity":1},{"sku":"%s","quantity":1}]}"""
			.formatted(UUID.randomUUID(), known, unknown));

		assertProblem(reply, 422, unknown);
	}

	@Test
	void answers422ForTheSameSkuInTwoLines() {
		String sku = productPriced("1.00");

		ApiReply reply = this.api.post("/api/orders", """
				{"customerId":"%s","lines":[{"sku":"%s","quantity":1},{"sku":"%s","quantity":2}]}"""
			.formatted(UUID.randomUUID(), sku, sku));

		assertProblem(reply, 422, sku);
	}

	@Test
	void answersARepeatedRequestWithTheSameOrderInItsCurrentStatus() {
		String body = orderJson(UUID.randomUUID(), productPriced("5.00"), 2);
		Map<String, String> key = Map.of("Idempotency-Key", "key-" + UUID.randomUUID());

		ApiReply first = this.api.post("/api/orders", body, key);
		UUID orderId = UUID.fromString(first.json().path("orderId").asString());
		probe.awaitEvent(ORDERS_TOPIC, "OrderPlaced", orderId.toString());
		ApiReply second = this.api.post("/api/orders", body, key);

		assertThat(second.status()).isEqualTo(202);
		assertThat(second.json().path("orderId").asString()).isEqualTo(orderId.toString());
		assertThat(second.location()).isEqualTo(first.location());
		assertThat(ordersWithKey(key)).isEqualTo(1);
		assertThat(emitted("OrderPlaced", orderId)).isEqualTo(1);
		await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).until(() -> placedEventsOn(orderId) == 1);

		deliver(sagaEvent("StockReserved", orderId));
		awaitStatus(orderId, "CONFIRMED");
		ApiReply later = this.api.post("/api/orders", body, key);
		assertThat(later.status()).isEqualTo(202);
		assertThat(later.json().path("orderId").asString()).isEqualTo(orderId.toString());
		assertThat(later.json().path("status").asString()).isEqualTo("CONFIRMED");
	}

	@Test
	void answers422WhenAnIdempotencyKeyIsReusedForADifferentRequest() {
		String sku = productPriced("5.00");
		Map<String, String> key = Map.of("Idempotency-Key", "key-" + UUID.randomUUID());
		UUID customer = UUID.randomUUID();
		assertThat(this.api.post("/api/orders", orderJson(customer, sku, 1), key).status()).isEqualTo(202);

		ApiReply reply = this.api.post("/api/orders", orderJson(customer, sku, 2), key);

		assertProblem(reply, 422, "Idempotency-Key");
		assertThat(ordersWithKey(key)).isEqualTo(1);
	}

	@Test
	void concurrentRequestsWithOneKeyPlaceOneOrder() throws Exception {
		String body = orderJson(UUID.randomUUID(), productPriced("7.00"), 1);
		Map<String, String> key = Map.of("Idempotency-Key", "key-" + UUID.randomUUID());
		int requests = 8;
		CountDownLatch start = new CountDownLatch(1);
		List<Future<ApiReply>> replies = new ArrayList<>();
		try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
			for (int i = 0; i < requests; i++) {
				replies.add(executor.submit(() -> {
					start.await();
					return this.api.post("/api/orders", body, key);
				}));
			}
			start.countDown();
		}

		List<String> orderIds = new ArrayList<>();
		for (Future<ApiReply> reply : replies) {
			assertThat(reply.get().status()).as(reply.get().body()).isEqualTo(202);
			orderIds.add(reply.get().json().path("orderId").asString());
		}
		assertThat(orderIds).containsOnly(orderIds.get(0));
		assertThat(ordersWithKey(key)).isEqualTo(1);
		assertThat(emitted("OrderPlaced", UUID.fromString(orderIds.get(0)))).isEqualTo(1);
	}

	private int ordersWithKey(Map<String, String> key) {
		Integer count = this.jdbc.queryForObject("select count(*) from orders where idempotency_key = ?", Integer.class,
				key.get("Idempotency-Key"));
		return (count != null) ? count : 0;
	}

	private long placedEventsOn(UUID orderId) {
		return probe.records(ORDERS_TOPIC)
			.stream()
			.filter((r) -> orderId.toString().equals(r.key()) && TestEvents.typeOf(r.value()).equals("OrderPlaced"))
			.count();
	}

}
