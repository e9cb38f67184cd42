package io.sagaref.payment.messaging;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import io.sagaref.contracts.EventContracts;
import io.sagaref.payment.PaymentServiceIntegrationTest;
import io.sagaref.testsupport.ContractEvent;
import io.sagaref.testsupport.TestEvents;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Payment's part of the saga, driven through Kafka with the contract's example events and
 * checked against the contract's shape of what it publishes.
 */
class PaymentSagaIT extends PaymentServiceIntegrationTest {

	@Test
	void chargesAPlacedOrderAndPassesItsLinesOn() {
		UUID customerId = openAccount("30.00");
		UUID orderId = UUID.randomUUID();

		UUID placed = publish(orderPlaced(orderId, customerId, "25.00"));

		ConsumerRecord<String, String> completed = awaitPayment("PaymentCompleted", orderId);
		EventContracts.assertConforms(PAYMENTS, completed.value());
		JsonNode envelope = TestEvents.tree(completed.value());
		assertThat(envelope.path("source").asString()).isEqualTo("payment-service");
		assertThat(envelope.path("sequence").asLong()).isEqualTo(1);
		assertThat(envelope.path("correlationId").asString()).isEqualTo(orderId.toString());
		assertThat(envelope.path("causationId").asString()).isEqualTo(placed.toString());
		JsonNode payload = readExactly(completed).path("payload");
		assertThat(payload.path("customerId").asString()).isEqualTo(customerId.toString());
		assertThat(payload.path("amount").decimalValue()).isEqualTo(new BigDecimal("25.00"));
		assertThat(payload.path("lines")).isEqualTo(TestEvents.tree("[{\"sku\": \"BOOK-1\", \"quantity\": 2}]"));
		assertThat(balance(customerId)).isEqualTo(new BigDecimal("5.00"));
		assertMoneyIsConserved();
	}

	@Test
	void chargesLargeSumsToTheCentNeverThroughADouble() {
		UUID customerId = openAccount("99999999999999999.99");
		UUID orderId = UUID.randomUUID();

		publish(orderPlaced(orderId, customerId, "9999999999999999.99"));

		JsonNode payload = readExactly(awaitPayment("PaymentCompleted", orderId)).path("payload");
		assertThat(payload.path("amount").decimalValue()).isEqualTo(new BigDecimal("9999999999999999.99"));
		assertThat(balance(customerId)).isEqualTo(new BigDecimal("90000000000000000.00"));
	}

	@Test
	void declinesAnOrderTheBalanceDoesNotCover() {
		UUID customerId = openAccount("24.99");
		UUID orderId = UUID.randomUUID();

		publish(orderPlaced(orderId, customerId, "25.00"));

		ConsumerRecord<String, String> declined = awaitPayment("PaymentDeclined", orderId);
		EventContracts.assertConforms(PAYMENTS, declined.value());
		JsonNode payload = readExactly(declined).path("payload");
		assertThat(payload.path("reason").asString()).isEqualTo("INSUFFICIENT_FUNDS");
		assertThat(payload.path("amount").decimalValue()).isEqualTo(new BigDecimal("25.00"));
		assertThat(balance(customerId)).isEqualTo(new BigDecimal("24.99"));
	}

	@Test
	void declinesAnOrderOfAnUnknownCustomer() {
		UUID stranger = UUID.randomUUID();
		UUID orderId = UUID.randomUUID();

		publish(orderPlaced(orderId, stranger, "25.00"));

		ConsumerRecord<String, String> declined = awaitPayment("PaymentDeclined", orderId);
		EventContracts.assertConforms(PAYMENTS, declined.value());
		JsonNode payload = TestEvents.payloadOf(declined.value());
		assertThat(payload.path("reason").asString()).isEqualTo("UNKNOWN_CUSTOMER");
		assertThat(payload.path("customerId").asString()).isEqualTo(stranger.toString());
	}

	@Test
	void refundsPaymentWhenStockIsShort() {
		UUID customerId = openAccount("30.00");
		UUID orderId = paidOrder(customerId, "25.00");

		publish(orderEvent("StockRejected", orderId, "OUT_OF_STOCK"));

		assertRefunded(orderId, "OUT_OF_STOCK");
		assertThat(balance(customerId)).isEqualTo(new BigDecimal("30.00"));
		assertMoneyIsConserved();
	}

	@Test
	void refundsAsCancelledWhenStockWasRefusedBecauseTheOrderIsClosed() {
		UUID customerId = openAccount("30.00");
		UUID orderId = paidOrder(customerId, "25.00");

		publish(orderEvent("StockRejected", orderId, "ORDER_CLOSED"));

		assertRefunded(orderId, "ORDER_CANCELLED");
		assertThat(balance(customerId)).isEqualTo(new BigDecimal("30.00"));
	}

	@Test
	void refundsPaymentWhenTheOrderIsCancelled() {
		UUID customerId = openAccount("30.00");
		UUID orderId = paidOrder(customerId, "25.00");

		publish(orderEvent("OrderCancelled", orderId, null));

		assertRefunded(orderId, "ORDER_CANCELLED");
		assertThat(balance(customerId)).isEqualTo(new BigDecimal("30.00"));
		assertMoneyIsConserved();
	}

	@Test
	void refundsPaymentWhenTheOrderTimedOut() {
		UUID customerId = openAccount("30.00");
		UUID orderId = paidOrder(customerId, "25.00");

		publish(orderEvent("OrderRejected", orderId, "TIMED_OUT"));

		assertRefunded(orderId, "ORDER_TIMED_OUT");
		assertThat(balance(customerId)).isEqualTo(new BigDecimal("30.00"));
	}

	@Test
	void refundsAtMostOnceWhenTheSagaIsUndoneTwice() {
		UUID customerId = openAccount("30.00");
		UUID orderId = paidOrder(customerId, "25.00");
		publish(orderEvent("StockRejected", orderId, "OUT_OF_STOCK"));
		assertRefunded(orderId, "OUT_OF_STOCK");

		UUID cancelled = publish(orderEvent("OrderCancelled", orderId, null));
		UUID rejected = publish(orderEvent("OrderRejected", orderId, "OUT_OF_STOCK"));
		awaitHandled(cancelled);
		awaitHandled(rejected);

		assertThat(paymentEvents(orderId)).containsExactly("PaymentCompleted", "PaymentRefunded");
		assertThat(balance(customerId)).isEqualTo(new BigDecimal("30.00"));
	}

	@Test
	void leavesADeclinedPaymentAloneWhenTheOrderIsRejected() {
		UUID customerId = openAccount("1.00");
		UUID orderId = UUID.randomUUID();
		publish(orderPlaced(orderId, customerId, "25.00"));
		awaitPayment("PaymentDeclined", orderId);

		UUID rejected = publish(orderEvent("OrderRejected", orderId, "INSUFFICIENT_FUNDS"));
		awaitHandled(rejected);

		assertThat(paymentEvents(orderId)).containsExactly("PaymentDeclined");
		assertThat(balance(customerId)).isEqualTo(new BigDecimal("1.00"));
	}

	@Test
	void doesNothingWhenAnOrderItNeverChargedIsUndone() {
		UUID orderId = UUID.randomUUID();

		UUID cancelled = publish(orderEvent("OrderCancelled", orderId, null));
		UUID rejected = publish(orderEvent("StockRejected", orderId, "OUT_OF_STOCK"));
		awaitHandled(cancelled);
		awaitHandled(rejected);

		assertThat(paymentEvents(orderId)).isEmpty();
	}

	@Test
	void skipsTheEventsItDoesNotNeed() {
		UUID customerId = openAccount("30.00");
		UUID orderId = paidOrder(customerId, "25.00");
		List<String> ignored = List.of("OrderConfirmed", "ProductRegistered", "StockAdded", "StockReserved",
				"StockReleased");
		List<UUID> ids = ignored.stream()
			.map((type) -> publish(ContractEvent.of(type).about(orderId.toString())))
			.toList();

		// keyed like the ignored events, so each topic's partition is read past them
		UUID cancelled = publish(orderEvent("OrderCancelled", orderId, null));
		UUID rejected = publish(orderEvent("StockRejected", orderId, "OUT_OF_STOCK"));
		awaitHandled(cancelled);
		awaitHandled(rejected);

		assertThat(kafka().records(ORDERS + ".DLT")).noneMatch((r) -> ids.stream().anyMatch(containedIn(r)));
		assertThat(kafka().records(INVENTORY + ".DLT")).noneMatch((r) -> ids.stream().anyMatch(containedIn(r)));
		assertThat(paymentEvents(orderId)).containsExactly("PaymentCompleted", "PaymentRefunded");
	}

	private void assertRefunded(UUID orderId, String reason) {
		ConsumerRecord<String, String> refunded = awaitPayment("PaymentRefunded", orderId);
		EventContracts.assertConforms(PAYMENTS, refunded.value());
		JsonNode envelope = readExactly(refunded);
		assertThat(envelope.path("sequence").asLong()).isEqualTo(2);
		assertThat(envelope.path("payload").path("reason").asString()).isEqualTo(reason);
		assertThat(envelope.path("payload").path("amount").decimalValue()).isEqualTo(new BigDecimal("25.00"));
	}

	private static JsonNode readExactly(ConsumerRecord<String, String> record) {
		return TestEvents.tree(record.value());
	}

	private static Predicate<UUID> containedIn(ConsumerRecord<String, String> record) {
		return (id) -> record.value() != null && record.value().contains(id.toString());
	}

}
