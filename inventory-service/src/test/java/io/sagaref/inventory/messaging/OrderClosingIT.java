package io.sagaref.inventory.messaging;

import java.time.Duration;
import java.util.UUID;

import io.sagaref.contracts.EventContracts;
import io.sagaref.inventory.InventoryServiceIntegrationTest;
import io.sagaref.inventory.ReservationStatus;
import io.sagaref.testsupport.ContractEvent;
import io.sagaref.testsupport.TestEvents;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class OrderClosingIT extends InventoryServiceIntegrationTest {

	@Test
	void releasesTheStockOfACancelledOrder() {
		String sku = registerProduct(4);
		UUID orderId = reservedOrder(sku, 3);

		deliver(orderCancelled(orderId));

		var event = awaitInventoryEvent("StockReleased", orderId);
		EventContracts.assertConforms(INVENTORY_TOPIC, event.value());
		JsonNode envelope = TestEvents.tree(event.value());
		assertThat(envelope.path("sequence").asLong()).isEqualTo(2);
		JsonNode payload = envelope.path("payload");
		assertThat(payload.path("reason").asString()).isEqualTo("ORDER_CANCELLED");
		assertThat(payload.path("lines").get(0).path("sku").asString()).isEqualTo(sku);
		assertThat(payload.path("lines").get(0).path("quantity").asInt()).isEqualTo(3);
		assertThat(available(sku)).isEqualTo(4);
		assertThat(reserved(sku)).isZero();
		assertThat(status(orderId)).isEqualTo(ReservationStatus.RELEASED);
		assertLedgerConserved();
	}

	@Test
	void releasesTheStockOfAnOrderThatTimedOut() {
		String sku = registerProduct(2);
		UUID orderId = reservedOrder(sku, 2);

		deliver(orderRejected(orderId, "TIMED_OUT"));

		var event = awaitInventoryEvent("StockReleased", orderId);
		EventContracts.assertConforms(INVENTORY_TOPIC, event.value());
		assertThat(TestEvents.payloadOf(event.value()).path("reason").asString()).isEqualTo("ORDER_TIMED_OUT");
		assertThat(available(sku)).isEqualTo(2);
	}

	@Test
	void releasesOnlyOnceWhenTheOrderIsClosedAgain() {
		String sku = registerProduct(5);
		UUID orderId = reservedOrder(sku, 2);
		ContractEvent cancelled = orderCancelled(orderId);

		deliver(cancelled);
		deliver(cancelled);
		deliver(orderRejected(orderId, "TIMED_OUT"));
		awaitHandledUpTo(ORDERS_TOPIC, orderId);

		assertThat(inventoryEventTypes(orderId)).containsExactly("StockReserved", "StockReleased");
		assertThat(available(sku)).isEqualTo(5);
		assertThat(reserved(sku)).isZero();
	}

	@Test
	void refusesThePaymentOfAnOrderCancelledBeforeIt() {
		String sku = registerProduct(3);
		UUID orderId = UUID.randomUUID();

		deliver(orderCancelled(orderId));
		await().atMost(Duration.ofSeconds(30)).until(() -> status(orderId) == ReservationStatus.CLOSED);
		deliver(paymentCompleted(orderId, line(sku, 1)));

		var event = awaitInventoryEvent("StockRejected", orderId);
		EventContracts.assertConforms(INVENTORY_TOPIC, event.value());
		JsonNode payload = TestEvents.payloadOf(event.value());
		assertThat(payload.path("reason").asString()).isEqualTo("ORDER_CLOSED");
		assertThat(payload.path("shortages").isEmpty()).isTrue();
		assertThat(available(sku)).isEqualTo(3);
		assertThat(reserved(sku)).isZero();
		assertThat(status(orderId)).isEqualTo(ReservationStatus.REJECTED);

		deliver(paymentCompleted(orderId, line(sku, 1)));
		awaitHandledUpTo(PAYMENTS_TOPIC, orderId);
		assertThat(inventoryEventTypes(orderId)).containsExactly("StockRejected");
		assertThat(available(sku)).isEqualTo(3);
	}

	@Test
	void remembersAnOrderRejectedBeforeItsPaymentAsClosed() {
		UUID orderId = UUID.randomUUID();

		deliver(orderRejected(orderId, "INSUFFICIENT_FUNDS"));

		await().atMost(Duration.ofSeconds(30)).until(() -> status(orderId) == ReservationStatus.CLOSED);
		assertThat(inventoryEventTypes(orderId)).isEmpty();
	}

	@Test
	void leavesARejectedReservationAloneWhenTheOrderIsClosed() {
		String sku = registerProduct(1);
		UUID orderId = UUID.randomUUID();
		deliver(paymentCompleted(orderId, line(sku, 2)));
		awaitInventoryEvent("StockRejected", orderId);

		deliver(orderRejected(orderId, "OUT_OF_STOCK"));
		awaitHandledUpTo(ORDERS_TOPIC, orderId);

		assertThat(inventoryEventTypes(orderId)).containsExactly("StockRejected");
		assertThat(status(orderId)).isEqualTo(ReservationStatus.REJECTED);
		assertThat(available(sku)).isEqualTo(1);
	}

}
