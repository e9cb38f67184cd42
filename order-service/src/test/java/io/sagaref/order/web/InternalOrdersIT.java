package io.sagaref.order.web;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.sagaref.order.OrderServiceIntegrationTest;
import io.sagaref.testsupport.ApiReply;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static io.sagaref.testsupport.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class InternalOrdersIT extends OrderServiceIntegrationTest {

	@Test
	void showsAnOrderAsStored() {
		String sku = productPriced("4.20");
		UUID customer = UUID.randomUUID();
		String key = "key-" + UUID.randomUUID();
		webhookRegistered(customer, "http://client.example/cb");
		ApiReply placed = this.api.post("/api/orders", """
				{"customerId":"%s","lines":[{"sku":"%s","quantity":5}],"callbackUrl":"http://client.example/cb"}"""
			.formatted(customer, sku), Map.of("Idempotency-Key", key));
		String orderId = placed.json().path("orderId").asString();

		ApiReply reply = this.api.get("/internal/orders/" + orderId);

		assertThat(reply.status()).isEqualTo(200);
		JsonNode order = reply.json();
		assertThat(order.path("orderId").asString()).isEqualTo(orderId);
		assertThat(order.path("customerId").asString()).isEqualTo(customer.toString());
		assertThat(order.path("status").asString()).isEqualTo("PENDING");
		assertThat(order.path("rejectionReason").isNull()).isTrue();
		assertThat(order.path("lines").get(0).path("sku").asString()).isEqualTo(sku);
		assertThat(order.path("lines").get(0).path("quantity").asInt()).isEqualTo(5);
		assertThat(order.path("total").decimalValue()).isEqualByComparingTo("21.00");
		assertThat(order.path("idempotencyKey").asString()).isEqualTo(key);
		assertThat(order.path("callbackUrl").asString()).isEqualTo("http://client.example/cb");
		assertThat(order.path("eventSequence").asLong()).isEqualTo(1);
		assertThat(order.path("version").asLong()).isEqualTo(1);
		assertThat(order.path("placedAt").asString()).isNotEmpty();
	}

	@Test
	void listsPendingOrdersOlderThanAskedFor() {
		UUID orderId = placedOrder();

		assertThat(stuckIds("PT0S")).contains(orderId.toString());
		assertThat(stuckIds("PT1H")).doesNotContain(orderId.toString());

		this.api.post("/api/orders/" + orderId + "/cancel", "");
		assertThat(stuckIds("PT0S")).doesNotContain(orderId.toString());
	}

	@Test
	void answers404ForAnUnknownOrder() {
		UUID unknown = UUID.randomUUID();

		assertProblem(this.api.get("/internal/orders/" + unknown), 404, unknown.toString());
	}

	@Test
	void exposesPendingSagasAsMetrics() {
		placedOrder();

		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			ApiReply pending = this.api.get("/actuator/metrics/saga.orders.pending");
			assertThat(pending.status()).isEqualTo(200);
			assertThat(value(pending)).isGreaterThanOrEqualTo(1);
		});
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			ApiReply age = this.api.get("/actuator/metrics/saga.orders.pending.oldest.age");
			assertThat(age.status()).isEqualTo(200);
			assertThat(age.json().path("baseUnit").asString()).isEqualTo("seconds");
			// our order waits at least a second; none waits much longer than the deadline
			assertThat(value(age)).isBetween(1.0, 60.0);
		});
	}

	@Test
	void offersTheMessagingLibrarysDeadLetterEndpoint() {
		ApiReply list = this.api.get("/internal/dead-letters");

		assertThat(list.status()).isEqualTo(200);
		assertThat(list.json().isArray()).isTrue();
		assertProblem(
				this.api.post("/internal/dead-letters/replay?topic=payments.events.DLT&partition=0&offset=999999", ""),
				404, "payments.events.DLT-0@999999");
	}

	private static double value(ApiReply metric) {
		return metric.json().path("measurements").get(0).path("value").asDouble();
	}

	private List<String> stuckIds(String olderThan) {
		ApiReply reply = this.api.get("/internal/orders/stuck?olderThan=" + olderThan + "&limit=1000");
		assertThat(reply.status()).isEqualTo(200);
		List<String> ids = new ArrayList<>();
		reply.json().forEach((order) -> {
			assertThat(order.path("status").asString()).isEqualTo("PENDING");
			ids.add(order.path("orderId").asString());
		});
		return ids;
	}

}
