package io.sagaref.order.web;

import java.util.UUID;

import io.sagaref.contracts.EventContracts;
import io.sagaref.order.ContractExamples;
import io.sagaref.order.IntegrationTest;
import io.sagaref.testsupport.TestEvents;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class CancelOrderIT extends IntegrationTest {

	@Test
	void cancelsAPendingOrderAndPublishesOrderCancelled() {
		UUID orderId = placedOrder();

		Reply reply = post("/api/orders/" + orderId + "/cancel", "");

		assertThat(reply.status()).isEqualTo(202);
		assertThat(reply.json().path("orderId").asString()).isEqualTo(orderId.toString());
		assertThat(reply.json().path("status").asString()).isEqualTo("CANCELLED");
		var cancelled = probe.awaitEvent(ORDERS_TOPIC, "OrderCancelled", orderId.toString());
		EventContracts.assertConforms(ORDERS_TOPIC, cancelled.value());
		JsonNode envelope = TestEvents.tree(cancelled.value());
		assertThat(envelope.path("sequence").asLong()).isEqualTo(2);
		assertThat(envelope.path("payload").path("reason").asString()).isEqualTo("CUSTOMER_REQUEST");
		assertThat(get("/api/orders/" + orderId + "/status").status()).isEqualTo(303);
	}

	@Test
	void cancelsAConfirmedOrder() {
		UUID orderId = placedOrder();
		deliver(INVENTORY_TOPIC, ContractExamples.sagaEvent("StockReserved", orderId), orderId);
		awaitStatus(orderId, "CONFIRMED");

		Reply reply = post("/api/orders/" + orderId + "/cancel", "");

		assertThat(reply.status()).isEqualTo(202);
		assertThat(reply.json().path("status").asString()).isEqualTo("CANCELLED");
		var cancelled = probe.awaitEvent(ORDERS_TOPIC, "OrderCancelled", orderId.toString());
		EventContracts.assertConforms(ORDERS_TOPIC, cancelled.value());
		assertThat(TestEvents.tree(cancelled.value()).path("sequence").asLong()).isEqualTo(3);
	}

	@Test
	void cancellingTwiceAnswersTheSameAndEmitsOnce() {
		UUID orderId = placedOrder();
		post("/api/orders/" + orderId + "/cancel", "");

		Reply again = post("/api/orders/" + orderId + "/cancel", "");

		assertThat(again.status()).isEqualTo(202);
		assertThat(again.json().path("status").asString()).isEqualTo("CANCELLED");
		assertThat(emitted("OrderCancelled", orderId)).isEqualTo(1);
	}

	@Test
	void answers409ForARejectedOrder() {
		UUID orderId = placedOrder();
		deliver(PAYMENTS_TOPIC, ContractExamples.sagaEvent("PaymentDeclined", orderId), orderId);
		awaitStatus(orderId, "REJECTED");

		Reply reply = post("/api/orders/" + orderId + "/cancel", "");

		assertProblem(reply, 409, "rejected");
		assertThat(emitted("OrderCancelled", orderId)).isZero();
		assertThat(get("/internal/orders/" + orderId).json().path("status").asString()).isEqualTo("REJECTED");
	}

	@Test
	void answers404ForAnUnknownOrder() {
		UUID unknown = UUID.randomUUID();

		assertProblem(post("/api/orders/" + unknown + "/cancel", ""), 404, unknown.toString());
	}

}
