package io.sagaref.orderquery;

import java.time.Instant;
import java.util.UUID;

import io.sagaref.testsupport.ContractEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Consumer side of the event contract: every example envelope of the contract, as it
 * stands (only re-addressed to a fresh order or product, under a fresh event id), is
 * understood and has its effect on the view; the catalog events this service has no use
 * for are skipped, not dead-lettered.
 */
class ConsumerContractIT extends OrderQueryServiceIntegrationTest {

	/** When the contract's examples say they happened. */
	private static final Instant EXAMPLES_OCCURRED_AT = Instant.parse("2026-11-27T10:15:30.123Z");

	@ParameterizedTest(name = "{0} sets {1} to {2}")
	@CsvSource({ "OrderPlaced, /status, PENDING", "OrderPlaced, /lines/0/sku, BOOK-1", "OrderPlaced, /total, 25.00",
			"OrderConfirmed, /status, CONFIRMED", "OrderRejected, /rejectionReason, INSUFFICIENT_FUNDS",
			"OrderCancelled, /status, CANCELLED", "PaymentCompleted, /payment/status, COMPLETED",
			"PaymentCompleted, /payment/amount, 25.00", "PaymentDeclined, /payment/reason, INSUFFICIENT_FUNDS",
			"PaymentRefunded, /payment/status, REFUNDED", "StockReserved, /stock/status, RESERVED",
			"StockRejected, /stock/shortages/0/available, 1", "StockReleased, /stock/reason, ORDER_CANCELLED" })
	void understandsTheContractExample(String type, String field, String expected) {
		UUID orderId = UUID.randomUUID();
		ContractEvent example = ContractEvent.of(type).aboutOrder(orderId).occurredAt(EXAMPLES_OCCURRED_AT);
		kafka().send(example.topic(), example.key(), example.json());

		JsonNode view = awaitView(orderId, hasTimelineOf(1));

		assertThat(view.at(field).asString()).isEqualTo(expected);
		assertThat(timelineTypes(view)).containsExactly(type);
		assertThat(view.at("/timeline/0/at").asString()).isEqualTo(EXAMPLES_OCCURRED_AT.toString());
	}

	@Test
	void skipsTheCatalogEvents() {
		String key = UUID.randomUUID().toString();
		kafka().send("inventory.events", key, product("ProductRegistered", "SKU-" + key).json());
		kafka().send("inventory.events", key, product("StockAdded", "SKU-" + key).json());
		UUID orderId = UUID.randomUUID();
		// same key, so the same partition: this is handled after the catalog events
		kafka().send("inventory.events", key, ContractEvent.of("StockReserved").aboutOrder(orderId).json());

		awaitView(orderId, hasTimelineOf(1));

		assertThat(kafka().records("inventory.events.DLT")).noneMatch((record) -> key.equals(record.key()));
	}

	/**
	 * The contract's example of a catalog event, about the given product.
	 */
	private static ContractEvent product(String type, String sku) {
		return ContractEvent.of(type).about(sku).payload((payload) -> payload.put("sku", sku));
	}

}
