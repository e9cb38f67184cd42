package io.sagaref.orderquery;

import java.util.UUID;

import io.sagaref.contracts.EventContracts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Consumer side of the event contract: every example envelope of the contract, as it
 * stands (only its ids made fresh), is understood and has its effect on the view; the
 * catalog events this service has no use for are skipped, not dead-lettered.
 */
class ConsumerContractIT extends ReadModelIntegrationTest {

	@ParameterizedTest(name = "{0} sets {1} to {2}")
	@CsvSource({ "OrderPlaced, /status, PENDING", "OrderPlaced, /lines/0/sku, BOOK-1", "OrderPlaced, /total, 25.00",
			"OrderConfirmed, /status, CONFIRMED", "OrderRejected, /rejectionReason, INSUFFICIENT_FUNDS",
			"OrderCancelled, /status, CANCELLED", "PaymentCompleted, /payment/status, COMPLETED",
			"PaymentCompleted, /payment/amount, 25.00", "PaymentDeclined, /payment/reason, INSUFFICIENT_FUNDS",
			"PaymentRefunded, /payment/status, REFUNDED", "StockReserved, /stock/status, RESERVED",
			"StockRejected, /stock/shortages/0/available, 1", "StockReleased, /stock/reason, ORDER_CANCELLED" })
	void understandsTheContractExample(String type, String field, String expected) {
		UUID orderId = UUID.randomUUID();
		ObjectNode example = exampleFor(type, orderId.toString());
		kafka().send(EventContracts.topicOf(type), orderId.toString(), example.toString());

		JsonNode view = awaitView(orderId, hasTimelineOf(1));

		assertThat(view.at(field).asString()).isEqualTo(expected);
		assertThat(timelineTypes(view)).containsExactly(type);
		assertThat(view.at("/timeline/0/at").asString()).isEqualTo("2026-11-27T10:15:30.123Z");
	}

	@Test
	void skipsTheCatalogEvents() {
		String key = UUID.randomUUID().toString();
		kafka().send("inventory.events", key, exampleFor("ProductRegistered", "SKU-" + key).toString());
		kafka().send("inventory.events", key, exampleFor("StockAdded", "SKU-" + key).toString());
		UUID orderId = UUID.randomUUID();
		// same key, so the same partition: this is handled after the catalog events
		kafka().send("inventory.events", key, exampleFor("StockReserved", orderId.toString()).toString());

		awaitView(orderId, hasTimelineOf(1));

		assertThat(kafka().records("inventory.events.DLT")).noneMatch((record) -> key.equals(record.key()));
	}

	/**
	 * The contract's example with a fresh event id and the given aggregate.
	 */
	private static ObjectNode exampleFor(String type, String aggregateId) {
		ObjectNode example = (ObjectNode) JSON.readTree(EventContracts.example(type));
		example.put("eventId", UUID.randomUUID().toString());
		example.put("aggregateId", aggregateId);
		example.put("correlationId", aggregateId);
		ObjectNode payload = (ObjectNode) example.get("payload");
		if (payload.has("orderId")) {
			payload.put("orderId", aggregateId);
		}
		if (payload.has("sku")) {
			payload.put("sku", aggregateId);
		}
		return example;
	}

}
