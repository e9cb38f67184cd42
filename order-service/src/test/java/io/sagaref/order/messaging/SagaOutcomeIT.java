package io.sagaref.order.messaging;

import java.util.UUID;

import io.sagaref.contracts.EventContracts;
import io.sagaref.order.ContractExamples;
import io.sagaref.order.IntegrationTest;
import io.sagaref.testsupport.TestEvents;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Consumer contract and saga rule 5: every answer of the participants, in the contract's
 * example shape, ends the order as the rules say, exactly once.
 */
class SagaOutcomeIT extends IntegrationTest {

	@Test
	void confirmsTheOrderWhenStockIsReserved() {
		UUID orderId = placedOrder();
		UUID eventId = UUID.randomUUID();

		deliver(INVENTORY_TOPIC, ContractExamples.sagaEvent("StockReserved", eventId, orderId, (p) -> {
		}), orderId);

		awaitStatus(orderId, "CONFIRMED");
		var confirmed = probe.awaitEvent(ORDERS_TOPIC, "OrderConfirmed", orderId.toString());
		EventContracts.assertConforms(ORDERS_TOPIC, confirmed.value());
		JsonNode envelope = TestEvents.tree(confirmed.value());
		assertThat(envelope.path("sequence").asLong()).isEqualTo(2);
		assertThat(envelope.path("causationId").asString()).isEqualTo(eventId.toString());
		assertThat(envelope.path("correlationId").asString()).isEqualTo(orderId.toString());
	}

	@Test
	void rejectsTheOrderForInsufficientFundsWhenPaymentIsDeclined() {
		UUID orderId = placedOrder();

		deliver(PAYMENTS_TOPIC, ContractExamples.sagaEvent("PaymentDeclined", orderId), orderId);

		assertRejected(orderId, "INSUFFICIENT_FUNDS");
	}

	@Test
	void rejectsTheOrderForAnUnknownCustomerWhenPaymentIsDeclined() {
		UUID orderId = placedOrder();

		deliver(PAYMENTS_TOPIC, ContractExamples.sagaEvent("PaymentDeclined", UUID.randomUUID(), orderId,
				(p) -> p.put("reason", "UNKNOWN_CUSTOMER")), orderId);

		assertRejected(orderId, "UNKNOWN_CUSTOMER");
	}

	@Test
	void rejectsTheOrderOutOfStockWhenThePaymentIsRefundedForMissingStock() {
		UUID orderId = placedOrder();

		deliver(PAYMENTS_TOPIC, ContractExamples.sagaEvent("PaymentRefunded", orderId), orderId);

		assertRejected(orderId, "OUT_OF_STOCK");
	}

	@Test
	void ignoresRefundsForOtherReasonsAndEventsItDoesNotNeed() {
		UUID orderId = placedOrder();
		deliver(PAYMENTS_TOPIC, ContractExamples.sagaEvent("PaymentCompleted", orderId), orderId);
		deliver(PAYMENTS_TOPIC, ContractExamples.sagaEvent("PaymentRefunded", UUID.randomUUID(), orderId,
				(p) -> p.put("reason", "ORDER_CANCELLED")), orderId);
		UUID timedOutRefund = UUID.randomUUID();
		deliver(PAYMENTS_TOPIC, ContractExamples.sagaEvent("PaymentRefunded", timedOutRefund, orderId,
				(p) -> p.put("reason", "ORDER_TIMED_OUT")), orderId);
		deliver(INVENTORY_TOPIC, ContractExamples.sagaEvent("StockRejected", orderId), orderId);
		deliver(INVENTORY_TOPIC, ContractExamples.sagaEvent("StockReleased", orderId), orderId);
		awaitProcessed(timedOutRefund);

		assertThat(get("/internal/orders/" + orderId).json().path("status").asString()).isEqualTo("PENDING");

		// events on one partition are handled in order: the confirmation comes after the
		// ignored inventory events, so none of them may have ended the order
		deliver(INVENTORY_TOPIC, ContractExamples.sagaEvent("StockReserved", orderId), orderId);
		awaitStatus(orderId, "CONFIRMED");
		assertThat(emitted("OrderRejected", orderId)).isZero();
		assertThat(probe.records(INVENTORY_TOPIC + ".DLT")).noneMatch((r) -> orderId.toString().equals(r.key()));
		assertThat(probe.records(PAYMENTS_TOPIC + ".DLT")).noneMatch((r) -> orderId.toString().equals(r.key()));
	}

	@Test
	void aDuplicateDeliveryHasOneEffect() {
		UUID orderId = placedOrder();
		UUID eventId = UUID.randomUUID();
		String declined = ContractExamples.sagaEvent("PaymentDeclined", eventId, orderId, (p) -> {
		});

		deliver(PAYMENTS_TOPIC, declined, orderId);
		deliver(PAYMENTS_TOPIC, declined, orderId);
		UUID sentinel = UUID.randomUUID();
		deliver(PAYMENTS_TOPIC, ContractExamples.sagaEvent("PaymentDeclined", sentinel, orderId, (p) -> {
		}), orderId);
		awaitProcessed(sentinel);

		assertRejected(orderId, "INSUFFICIENT_FUNDS");
		assertThat(emitted("OrderRejected", orderId)).isEqualTo(1);
		Integer inboxRows = this.jdbc.queryForObject("select count(*) from processed_message where event_id = ?",
				Integer.class, eventId);
		assertThat(inboxRows).isEqualTo(1);
	}

	@Test
	void answersThatComeAfterTheOrderEndedChangeNothing() {
		UUID orderId = placedOrder();
		deliver(INVENTORY_TOPIC, ContractExamples.sagaEvent("StockReserved", orderId), orderId);
		awaitStatus(orderId, "CONFIRMED");

		UUID lateDecline = UUID.randomUUID();
		deliver(PAYMENTS_TOPIC, ContractExamples.sagaEvent("PaymentDeclined", lateDecline, orderId, (p) -> {
		}), orderId);
		UUID lateRefund = UUID.randomUUID();
		deliver(PAYMENTS_TOPIC, ContractExamples.sagaEvent("PaymentRefunded", lateRefund, orderId, (p) -> {
		}), orderId);
		UUID repeatedReservation = UUID.randomUUID();
		deliver(INVENTORY_TOPIC, ContractExamples.sagaEvent("StockReserved", repeatedReservation, orderId, (p) -> {
		}), orderId);
		awaitProcessed(lateDecline);
		awaitProcessed(lateRefund);
		awaitProcessed(repeatedReservation);

		JsonNode order = get("/internal/orders/" + orderId).json();
		assertThat(order.path("status").asString()).isEqualTo("CONFIRMED");
		assertThat(order.path("eventSequence").asLong()).isEqualTo(2);
		assertThat(emitted("OrderConfirmed", orderId)).isEqualTo(1);
		assertThat(emitted("OrderRejected", orderId)).isZero();
	}

	@Test
	void aReservationForACancelledOrderChangesNothing() {
		UUID orderId = placedOrder();
		post("/api/orders/" + orderId + "/cancel", "");
		UUID reservation = UUID.randomUUID();

		deliver(INVENTORY_TOPIC, ContractExamples.sagaEvent("StockReserved", reservation, orderId, (p) -> {
		}), orderId);
		awaitProcessed(reservation);

		assertThat(get("/internal/orders/" + orderId).json().path("status").asString()).isEqualTo("CANCELLED");
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
