package io.sagaref.order.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.sagaref.order.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class InternalOrdersIT extends IntegrationTest {

	@Test
	void showsAnOrderAsStored() {
		String sku = productPriced("4.20");
		UUID customer = UUID.randomUUID();
		String key = "key-" + UUID.randomUUID();
		Reply placed = post("/api/orders", """
				{"customerId":"%s","lines":[{"sku":"%s","quantity":5}],"callbackUrl":"http://client.example/cb"}"""
			.formatted(customer, sku), Map.of("Idempotency-Key", key));
		String orderId = placed.json().path("orderId").asString();

		Reply reply = get("/internal/orders/" + orderId);

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
		assertThat(order.path("placedAt").asString()).isNotEmpty();
	}

	@Test
	void listsPendingOrdersOlderThanAskedFor() {
		UUID orderId = placedOrder();

		assertThat(stuckIds("PT0S")).contains(orderId.toString());
		assertThat(stuckIds("PT1H")).doesNotContain(orderId.toString());

		post("/api/orders/" + orderId + "/cancel", "");
		assertThat(stuckIds("PT0S")).doesNotContain(orderId.toString());
	}

	@Test
	void answers404ForAnUnknownOrderAnd400ForABadDuration() {
		UUID unknown = UUID.randomUUID();

		assertProblem(get("/internal/orders/" + unknown), 404, unknown.toString());
		assertProblem(get("/internal/orders/stuck?olderThan=soon"), 400, "olderThan");
		assertProblem(get("/internal/orders/stuck?olderThan=-PT1S"), 400, "olderThan");
	}

	private List<String> stuckIds(String olderThan) {
		Reply reply = get("/internal/orders/stuck?olderThan=" + olderThan + "&limit=1000");
		assertThat(reply.status()).isEqualTo(200);
		List<String> ids = new ArrayList<>();
		reply.json().forEach((order) -> {
			assertThat(order.path("status").asString()).isEqualTo("PENDING");
			ids.add(order.path("orderId").asString());
		});
		return ids;
	}

}
