package io.sagaref.inventory.messaging;

import java.util.List;
import java.util.UUID;

import io.sagaref.contracts.EventContracts;
import io.sagaref.inventory.InventoryServiceIntegrationTest;
import io.sagaref.inventory.OrderId;
import io.sagaref.inventory.Reservation;
import io.sagaref.inventory.ReservationStatus;
import io.sagaref.testsupport.ContractEvent;
import io.sagaref.testsupport.TestEvents;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class StockReservationIT extends InventoryServiceIntegrationTest {

	@Test
	void reservesEveryLineOfAPaidOrderAndSaysSo() {
		String book = registerProduct(5);
		String pen = registerProduct(3);
		UUID orderId = UUID.randomUUID();
		UUID paymentEventId = UUID.randomUUID();

		deliver(paymentCompleted(orderId, line(pen, 3), line(book, 2)).eventId(paymentEventId));

		var event = awaitInventoryEvent("StockReserved", orderId);
		EventContracts.assertConforms(INVENTORY_TOPIC, event.value());
		JsonNode envelope = TestEvents.tree(event.value());
		assertThat(envelope.path("correlationId").asString()).isEqualTo(orderId.toString());
		assertThat(envelope.path("causationId").asString()).isEqualTo(paymentEventId.toString());
		assertThat(envelope.path("sequence").asLong()).isEqualTo(1);
		assertThat(envelope.path("payload").path("orderId").asString()).isEqualTo(orderId.toString());
		assertThat(envelope.path("payload").path("lines").size()).isEqualTo(2);
		assertThat(available(book)).isEqualTo(3);
		assertThat(reserved(book)).isEqualTo(2);
		assertThat(available(pen)).isZero();
		assertThat(reserved(pen)).isEqualTo(3);
		assertThat(this.reservations.findById(new OrderId(orderId))).get()
			.extracting(Reservation::status)
			.isEqualTo(ReservationStatus.RESERVED);
		assertLedgerConserved();
	}

	@Test
	void reservesNothingWhenOneLineOfTheOrderIsShort() {
		String plenty = registerProduct(10);
		String scarce = registerProduct(1);
		UUID orderId = UUID.randomUUID();

		deliver(paymentCompleted(orderId, line(plenty, 4), line(scarce, 2)));

		var event = awaitInventoryEvent("StockRejected", orderId);
		EventContracts.assertConforms(INVENTORY_TOPIC, event.value());
		JsonNode payload = TestEvents.payloadOf(event.value());
		assertThat(payload.path("reason").asString()).isEqualTo("OUT_OF_STOCK");
		assertThat(payload.path("shortages").size()).isEqualTo(1);
		JsonNode shortage = payload.path("shortages").get(0);
		assertThat(shortage.path("sku").asString()).isEqualTo(scarce);
		assertThat(shortage.path("requested").asInt()).isEqualTo(2);
		assertThat(shortage.path("available").asInt()).isEqualTo(1);
		assertThat(available(plenty)).isEqualTo(10);
		assertThat(reserved(plenty)).isZero();
		assertThat(available(scarce)).isEqualTo(1);
		assertThat(inventoryEventTypes(orderId)).containsExactly("StockRejected");
	}

	@Test
	void treatsAnUnknownProductAsAShortageWithNothingAvailable() {
		String known = registerProduct(2);
		String unknown = newSku();
		UUID orderId = UUID.randomUUID();

		deliver(paymentCompleted(orderId, line(known, 1), line(unknown, 1)));

		JsonNode shortages = TestEvents.payloadOf(awaitInventoryEvent("StockRejected", orderId).value())
			.path("shortages");
		assertThat(shortages.size()).isEqualTo(1);
		assertThat(shortages.get(0).path("sku").asString()).isEqualTo(unknown);
		assertThat(shortages.get(0).path("available").asInt()).isZero();
		assertThat(available(known)).isEqualTo(2);
	}

	@Test
	void addsUpLinesThatNameTheSameProduct() {
		String sku = registerProduct(3);
		UUID fits = UUID.randomUUID();
		UUID tooMuch = UUID.randomUUID();

		deliver(paymentCompleted(fits, line(sku, 1), line(sku, 1)));
		JsonNode lines = TestEvents.payloadOf(awaitInventoryEvent("StockReserved", fits).value()).path("lines");
		assertThat(lines.size()).isEqualTo(1);
		assertThat(lines.get(0).path("quantity").asInt()).isEqualTo(2);

		deliver(paymentCompleted(tooMuch, line(sku, 1), line(sku, 1)));
		JsonNode shortage = TestEvents.payloadOf(awaitInventoryEvent("StockRejected", tooMuch).value())
			.path("shortages")
			.get(0);
		assertThat(shortage.path("requested").asInt()).isEqualTo(2);
		assertThat(shortage.path("available").asInt()).isEqualTo(1);
		assertThat(available(sku)).isEqualTo(1);
		assertThat(reserved(sku)).isEqualTo(2);
	}

	@Test
	void appliesADuplicateDeliveryOfThePaymentOnce() {
		String sku = registerProduct(5);
		UUID orderId = UUID.randomUUID();
		ContractEvent payment = paymentCompleted(orderId, line(sku, 2));

		deliver(payment);
		deliver(payment);
		awaitHandledUpTo(PAYMENTS_TOPIC, orderId);

		assertThat(inventoryEventTypes(orderId)).containsExactly("StockReserved");
		assertThat(available(sku)).isEqualTo(3);
		assertThat(reserved(sku)).isEqualTo(2);
	}

	@Test
	void answersTheSamePaymentSentAgainUnderANewIdOnlyOnce() {
		String sku = registerProduct(5);
		UUID orderId = UUID.randomUUID();

		deliver(paymentCompleted(orderId, line(sku, 2)));
		awaitInventoryEvent("StockReserved", orderId);
		deliver(paymentCompleted(orderId, line(sku, 2)));
		awaitHandledUpTo(PAYMENTS_TOPIC, orderId);

		assertThat(inventoryEventTypes(orderId)).containsExactly("StockReserved");
		assertThat(available(sku)).isEqualTo(3);
	}

	@Test
	void ignoresTheEventsItHasNoPartIn() {
		UUID orderId = UUID.randomUUID();
		for (String type : List.of("OrderPlaced", "OrderConfirmed", "PaymentDeclined", "PaymentRefunded")) {
			deliver(ContractEvent.of(type).aboutOrder(orderId).sequence(1));
		}

		awaitHandledUpTo(ORDERS_TOPIC, orderId);
		awaitHandledUpTo(PAYMENTS_TOPIC, orderId);

		assertThat(inventoryEventTypes(orderId)).isEmpty();
		assertThat(this.reservations.findById(new OrderId(orderId))).isEmpty();
		assertThat(probe.records(ORDERS_TOPIC + ".DLT")).noneMatch((r) -> orderId.toString().equals(r.key()));
		assertThat(probe.records(PAYMENTS_TOPIC + ".DLT")).noneMatch((r) -> orderId.toString().equals(r.key()));
	}

}
