package io.sagaref.order.application;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import io.sagaref.contracts.EventContracts;
import io.sagaref.order.OrderServiceIntegrationTest;
import io.sagaref.testsupport.TestEvents;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Saga rule 6, the deadline: no order stays PENDING longer than
 * {@code saga.order.deadline}. Runs in its own context with a short deadline, closed
 * afterwards so it cannot time out other tests' orders.
 */
@TestPropertySource(properties = { "saga.order.deadline=3s", "saga.order.deadline-check-interval=200ms" })
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class DeadlineIT extends OrderServiceIntegrationTest {

	@Test
	void rejectsAnUnansweredOrderTimedOutAndPublishesOrderRejected() {
		UUID orderId = placedOrder();

		var rejected = probe.awaitEvent(ORDERS_TOPIC, "OrderRejected", orderId.toString());

		EventContracts.assertConforms(ORDERS_TOPIC, rejected.value());
		JsonNode envelope = TestEvents.tree(rejected.value());
		assertThat(envelope.path("payload").path("reason").asString()).isEqualTo("TIMED_OUT");
		assertThat(envelope.path("sequence").asLong()).isEqualTo(2);
		JsonNode order = this.api.get("/internal/orders/" + orderId).json();
		assertThat(order.path("status").asString()).isEqualTo("REJECTED");
		assertThat(order.path("rejectionReason").asString()).isEqualTo("TIMED_OUT");
		assertThat(Duration.between(Instant.parse(order.path("placedAt").asString()),
				Instant.parse(order.path("updatedAt").asString())))
			.isGreaterThanOrEqualTo(Duration.ofSeconds(3));
	}

	@Test
	void leavesAnOrderAloneThatEndedInTime() {
		UUID orderId = placedOrder();
		deliver(sagaEvent("StockReserved", orderId));
		awaitStatus(orderId, "CONFIRMED");
		UUID other = placedOrder();

		probe.awaitEvent(ORDERS_TOPIC, "OrderRejected", other.toString());

		assertThat(this.api.get("/internal/orders/" + orderId).json().path("status").asString()).isEqualTo("CONFIRMED");
		assertThat(emitted("OrderRejected", orderId)).isZero();
	}

}
