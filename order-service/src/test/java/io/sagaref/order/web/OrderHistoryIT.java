package io.sagaref.order.web;

import java.util.Map;
import java.util.UUID;

import io.sagaref.order.OrderServiceIntegrationTest;
import io.sagaref.testsupport.ApiReply;
import io.sagaref.testsupport.TestEvents;
import io.sagaref.web.ReadToken;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static io.sagaref.testsupport.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An order's history is its stream: every event, oldest first, its data exactly the
 * payload that was published; and every command answer names its write in a read token.
 */
class OrderHistoryIT extends OrderServiceIntegrationTest {

	@Test
	void showsTheHistoryOfAConfirmedOrderAsPublished() {
		UUID orderId = placedOrder();
		deliver(sagaEvent("StockReserved", orderId));
		awaitStatus(orderId, "CONFIRMED");

		ApiReply reply = this.api.get("/api/orders/" + orderId + "/events");

		assertThat(reply.status()).isEqualTo(200);
		JsonNode history = reply.json();
		assertThat(history).hasSize(2);
		assertMatchesPublished(history.get(0), 1, "OrderPlaced", orderId);
		assertMatchesPublished(history.get(1), 2, "OrderConfirmed", orderId);
		assertThat(history.get(0).path("data").path("total").decimalValue()).isEqualByComparingTo("10.00");
		assertThat(reply.body()).as("amounts keep their two decimals").contains("\"total\":10.00");
	}

	@Test
	void showsTheHistoryOfARejectedOrderWithItsReason() {
		UUID orderId = placedOrder();
		deliver(sagaEvent("PaymentDeclined", orderId));
		awaitStatus(orderId, "REJECTED");

		JsonNode history = this.api.get("/api/orders/" + orderId + "/events").json();

		assertThat(history).hasSize(2);
		assertMatchesPublished(history.get(0), 1, "OrderPlaced", orderId);
		assertMatchesPublished(history.get(1), 2, "OrderRejected", orderId);
		assertThat(history.get(1).path("data").path("reason").asString()).isEqualTo("INSUFFICIENT_FUNDS");
	}

	@Test
	void answers404ForTheHistoryOfAnUnknownOrder() {
		UUID unknown = UUID.randomUUID();

		assertProblem(this.api.get("/api/orders/" + unknown + "/events"), 404, unknown.toString());
	}

	@Test
	void commandAnswersCarryAReadTokenOfTheStreamVersionTheyWrote() {
		String body = orderJson(UUID.randomUUID(), productPriced("3.00"), 1);
		Map<String, String> key = Map.of("Idempotency-Key", "key-" + UUID.randomUUID());
		ApiReply placed = this.api.post("/api/orders", body, key);
		String orderId = placed.json().path("orderId").asString();

		assertThat(ReadToken.parse(placed.header(ReadToken.HEADER)))
			.isEqualTo(new ReadToken("order-service", orderId, 1));
		ApiReply replayed = this.api.post("/api/orders", body, key);
		assertThat(ReadToken.parse(replayed.header(ReadToken.HEADER)))
			.isEqualTo(new ReadToken("order-service", orderId, 1));

		ApiReply cancelled = this.api.post("/api/orders/" + orderId + "/cancel", "");
		String token = cancelled.header(ReadToken.HEADER);
		assertThat(ReadToken.parse(token)).isEqualTo(new ReadToken("order-service", orderId, 2));

		ApiReply status = this.api.get("/api/orders/" + orderId + "/status?readToken=" + token);
		assertThat(status.status()).isEqualTo(303);
		assertThat(status.json().path("status").asString()).isEqualTo("CANCELLED");
		assertThat(this.api.get("/api/orders/" + orderId + "/events?readToken=" + token).json()).hasSize(2);
		assertProblem(this.api.get("/api/orders/" + orderId + "/status?readToken=nonsense"), 400, "not a read token");
	}

	private static void assertMatchesPublished(JsonNode entry, long sequence, String type, UUID orderId) {
		JsonNode published = TestEvents.tree(probe.awaitEvent(ORDERS_TOPIC, type, orderId.toString()).value());
		assertThat(entry.path("sequence").asLong()).isEqualTo(sequence);
		assertThat(entry.path("type").asString()).isEqualTo(type);
		assertThat(entry.path("version").asInt()).isEqualTo(1);
		assertThat(published.path("sequence").asLong()).isEqualTo(sequence);
		assertThat(entry.path("data")).isEqualTo(published.path("payload"));
		assertThat(java.time.Instant.parse(entry.path("occurredAt").asString()))
			.isEqualTo(java.time.Instant.parse(published.path("occurredAt").asString()));
	}

}
