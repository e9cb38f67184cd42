package io.sagaref.order.messaging;

import java.util.UUID;

import io.sagaref.contracts.EventContracts;
import io.sagaref.order.OrderServiceIntegrationTest;
import io.sagaref.testsupport.ContractEvent;
import io.sagaref.testsupport.TestEvents;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Consumer contract and saga rule 5: every answer of the participants, in the contract's
 * example shape, ends the order as the rules say, exactly once.
 */
class SagaOutcomeIT extends OrderServiceIntegrationTest {

	@Test
	void confirmsTheOrderWhenStockIsReserved() {
		UUID orderId = placedOrder();
		ContractEvent reserved = sagaEvent("StockReserved", orderId);

		deliver(reserved);

		awaitStatus(orderId, "CONFIRMED");
		var confirmed = probe.awaitEvent(ORDERS_TOPIC, "OrderConfirmed", orderId.toString());
		EventContracts.assertConforms(ORDERS_TOPIC, confirmed.value());
		JsonNode envelope = TestEvents.tree(confirmed.value());
		assertThat(envelope.path("sequence").asLong()).isEqualTo(2);
		assertThat(envelope.path("causationId").asString()).isEqualTo(reserved.eventId().toString());
		assertThat(envelope.path("correlationId").asString()).isEqualTo(orderId.toString());
	}

	@Test
	void rejectsTheOrderForInsufficientFundsWhenPaymentIsDeclined() {
		UUID orderId = placedOrder();

		deliver(sagaEvent("PaymentDeclined", orderId));

		assertRejected(orderId, "INSUFFICIENT_FUNDS");
	}

	@Test
	void rejectsTheOrderForAnUnknownCustomerWhenPaymentIsDeclined() {
		UUID orderId = placedOrder();

		deliver(sagaEvent("PaymentDeclined", orderId).payload((p) -> p.put("reason", "UNKNOWN_CUSTOMER")));

		assertRejected(orderId, "UNKNOWN_CUSTOMER");
	}

	@Test
	void rejectsTheOrderOutOfStockWhenThePaymentIsRefundedForMissingStock() {
		UUID orderId = placedOrder();

		deliver(sagaEvent("PaymentRefunded", orderId));

		assertRejected(orderId, "OUT_OF_STOCK");
	}

	@Test
	void ignoresRefundsForOtherReasonsAndEventsItDoesNotNeed() {
		UUID orderId = placedOrder();
		deliver(sagaEvent("PaymentCompleted", orderId));
		deliver(sagaEvent("PaymentRefunded", orderId).payload((p) -> p.put("reason", "ORDER_CANCELLED")));
		ContractEvent timedOutRefund = sagaEvent("PaymentRefunded", orderId)
			.payload((p) -> p.put("reason", "ORDER_TIMED_OUT"));
		deliver(timedOutRefund);
		deliver(sagaEvent("StockRejected", orderId));
		deliver(sagaEvent("StockReleased", orderId));
		awaitProcessed(timedOutRefund.eventId());

		assertThat(this.api.get("/internal/orders/" + orderId).json().path("status").asString()).isEqualTo("PENDING");

		// events on one partition are handled in order: the confirmation comes after the
		// ignored inventory events, so none of them may have ended the order
		deliver(sagaEvent("StockReserved", orderId));
		awaitStatus(orderId, "CONFIRMED");
		assertThat(emitted("OrderRejected", orderId)).isZero();
		assertThat(probe.records(INVENTORY_TOPIC + ".DLT")).noneMatch((r) -> orderId.toString().equals(r.key()));
		assertThat(probe.records(PAYMENTS_TOPIC + ".DLT")).noneMatch((r) -> orderId.toString().equals(r.key()));
	}

	@Test
	void aDuplicateDeliveryHasOneEffect() {
		UUID orderId = placedOrder();
		ContractEvent declined = sagaEvent("PaymentDeclined", orderId);

		deliver(declined);
		deliver(declined);
		ContractEvent sentinel = sagaEvent("PaymentDeclined", orderId);
		deliver(sentinel);
		awaitProcessed(sentinel.eventId());

		assertRejected(orderId, "INSUFFICIENT_FUNDS");
		assertThat(emitted("OrderRejected", orderId)).isEqualTo(1);
		Integer inboxRows = this.jdbc.queryForObject("select count(*) from processed_message where event_id = ?",
				Integer.class, declined.eventId());
		assertThat(inboxRows).isEqualTo(1);
	}

	@Test
	void answersThatComeAfterTheOrderEndedChangeNothing() {
		UUID orderId = placedOrder();
		deliver(sagaEvent("StockReserved", orderId));
		awaitStatus(orderId, "CONFIRMED");

		ContractEvent lateDecline = sagaEvent("PaymentDeclined", orderId);
		deliver(lateDecline);
		ContractEvent lateRefund = sagaEvent("PaymentRefunded", orderId);
		deliver(lateRefund);
		ContractEvent repeatedReservation = sagaEvent("StockReserved", orderId);
		deliver(repeatedReservation);
		awaitProcessed(lateDecline.eventId());
		awaitProcessed(lateRefund.eventId());
		awaitProcessed(repeatedReservation.eventId());

		JsonNode order = this.api.get("/internal/orders/" + orderId).json();
		assertThat(order.path("status").asString()).isEqualTo("CONFIRMED");
		assertThat(order.path("eventSequence").asLong()).isEqualTo(2);
		assertThat(emitted("OrderConfirmed", orderId)).isEqualTo(1);
		assertThat(emitted("OrderRejected", orderId)).isZero();
	}

	@Test
	void aReservationForACancelledOrderChangesNothing() {
		UUID orderId = placedOrder();
		this.api.post("/api/orders/" + orderId + "/cancel", "");
		ContractEvent reservation = sagaEvent("StockReserved", orderId);

		deliver(reservation);
		awaitProcessed(reservation.eventId());

		assertThat(this.api.get("/internal/orders/" + orderId).json().path("status").asString()).isEqualTo("CANCELLED");
		assertThat(emitted("OrderConfirmed", orderId)).isZero();
	}

	private void assertRejected(UUID orderId, String reason) {
		JsonNode order = awaitStatus(orderId, "REJECTED");
		assertThat(order.path("rejectionReason").asString()).isEqualTo(reason);
		var rejected = probe.awaitEvent(ORDERS_TOPIC, "OrderRejected", orderId.toString());
		EventContracts.assertConforms(ORDERS_TOPIC, rejected.value());
		assertThat(TestEvents.payloadOf(rejected.value()).path("reason").asString()).isEqualTo(reason);
	}

}
