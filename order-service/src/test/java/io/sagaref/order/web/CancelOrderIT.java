package io.sagaref.order.web;

import java.util.UUID;

import io.sagaref.contracts.EventContracts;
import io.sagaref.order.OrderServiceIntegrationTest;
import io.sagaref.testsupport.ApiReply;
import io.sagaref.testsupport.TestEvents;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static io.sagaref.testsupport.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

class CancelOrderIT extends OrderServiceIntegrationTest {

	@Test
	void cancelsAPendingOrderAndPublishesOrderCancelled() {
		UUID orderId = placedOrder();

		ApiReply reply = this.api.post("/api/orders/" + orderId + "/cancel", "");

		assertThat(reply.status()).isEqualTo(202);
		assertThat(reply.json().path("orderId").asString()).isEqualTo(orderId.toString());
		assertThat(reply.json().path("status").asString()).isEqualTo("CANCELLED");
		var cancelled = probe.awaitEvent(ORDERS_TOPIC, "OrderCancelled", orderId.toString());
		EventContracts.assertConforms(ORDERS_TOPIC, cancelled.value());
		JsonNode envelope = TestEvents.tree(cancelled.value());
		assertThat(envelope.path("sequence").asLong()).isEqualTo(2);
		assertThat(envelope.path("payload").path("reason").asString()).isEqualTo("CUSTOMER_REQUEST");
		assertThat(this.api.get("/api/orders/" + orderId + "/status").status()).isEqualTo(303);
	}

	@Test
	void cancelsAConfirmedOrder() {
		UUID orderId = placedOrder();
		deliver(sagaEvent("StockReserved", orderId));
		awaitStatus(orderId, "CONFIRMED");

		ApiReply reply = this.api.post("/api/orders/" + orderId + "/cancel", "");

		assertThat(reply.status()).isEqualTo(202);
		assertThat(reply.json().path("status").asString()).isEqualTo("CANCELLED");
		var cancelled = probe.awaitEvent(ORDERS_TOPIC, "OrderCancelled", orderId.toString());
		EventContracts.assertConforms(ORDERS_TOPIC, cancelled.value());
		assertThat(TestEvents.tree(cancelled.value()).path("sequence").asLong()).isEqualTo(3);
	}

	@Test
	void cancellingTwiceAnswersTheSameAndEmitsOnce() {
		UUID orderId = placedOrder();
		this.api.post("/api/orders/" + orderId + "/cancel", "");

		ApiReply again = this.api.post("/api/orders/" + orderId + "/cancel", "");

		assertThat(again.status()).isEqualTo(202);
		assertThat(again.json().path("status").asString()).isEqualTo("CANCELLED");
		assertThat(emitted("OrderCancelled", orderId)).isEqualTo(1);
	}

	@Test
	void answers409ForARejectedOrder() {
		UUID orderId = placedOrder();
		deliver(sagaEvent("PaymentDeclined", orderId));
		awaitStatus(orderId, "REJECTED");

		ApiReply reply = this.api.post("/api/orders/" + orderId + "/cancel", "");

		assertProblem(reply, 409, "rejected");
		assertThat(emitted("OrderCancelled", orderId)).isZero();
		assertThat(this.api.get("/internal/orders/" + orderId).json().path("status").asString()).isEqualTo("REJECTED");
	}

	@Test
	void answers404ForAnUnknownOrder() {
		UUID unknown = UUID.randomUUID();

		assertProblem(this.api.post("/api/orders/" + unknown + "/cancel", ""), 404, unknown.toString());
	}

}
