package io.sagaref.legacy.messaging;

import java.time.Duration;
import java.util.UUID;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import io.sagaref.legacy.LegacyMonolithIntegrationTest;
import io.sagaref.testsupport.ApiReply;
import io.sagaref.testsupport.ContractEvent;
import io.sagaref.testsupport.TestEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The old tables follow inventory-service's events: each event changes them once however
 * often it is delivered, and stock changes that arrive in any order add up to the stock
 * inventory-service has.
 */
class CatalogFeedIT extends LegacyMonolithIntegrationTest {

	@Test
	void aRegisteredProductIsAnsweredInThePublicShape() {
		String sku = newSku();
		deliver(productRegistered(sku, "12.50", 10));

		JsonNode product = awaitProduct(sku, (p) -> true);

		assertThat(product.toString())
			.isEqualTo("{\"sku\":\"%s\",\"name\":\"Product %s\",\"price\":12.50,\"available\":10,\"reserved\":0}"
				.formatted(sku, sku));
	}

	@Test
	void stockAddedReservedAndReleasedMoveTheStockAsInInventory() {
		String sku = newSku();
		deliver(productRegistered(sku, "9.99", 10));
		deliver(stockAdded(sku, 5, 2));
		UUID order = UUID.randomUUID();
		deliver(stockEvent("StockReserved", sku, 4));
		deliver(stockEvent("StockReserved", order, sku, 3));
		deliver(stockEvent("StockReleased", order, sku, 3));

		awaitProduct(sku, (p) -> p.path("available").asInt() == 11 && p.path("reserved").asInt() == 4);
	}

	/**
	 * A duplicate on each partition, then a marker behind it: with duplicates applied
	 * once the product passes through 13 available and 3 reserved, with a duplicate
	 * applied twice it never does (reserved 2, 4, 5; stock received 10, 15, 20, 21).
	 */
	@Test
	void aDuplicateDeliveryChangesNothingTwice() {
		String sku = newSku();
		UUID order = UUID.randomUUID();
		deliver(productRegistered(sku, "9.99", 10));
		ContractEvent reserved = stockEvent("StockReserved", order, sku, 2);
		ContractEvent added = stockAdded(sku, 5, 2);
		deliver(reserved);
		deliver(reserved);
		deliver(added);
		deliver(added);
		deliver(stockAdded(sku, 1, 3));
		deliver(stockEvent("StockReserved", order, sku, 1));

		awaitProduct(sku, (p) -> p.path("available").asInt() == 13 && p.path("reserved").asInt() == 3);
	}

	@Test
	void aReservationThatArrivesBeforeItsProductCountsOnceTheProductIsRegistered() {
		String late = newSku();
		String marker = newSku();
		UUID order = UUID.randomUUID();
		deliver(productRegistered(marker, "1.00", 5));
		awaitProduct(marker, (p) -> true);
		deliver(stockEvent("StockReserved", order, late, 2));
		deliver(stockEvent("StockReserved", order, marker, 1));
		awaitProduct(marker, (p) -> p.path("reserved").asInt() == 1);
		ApiReply unknown = this.api.get("/api/products/" + late);
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.detail()).isEqualTo("No product with sku " + late);

		deliver(productRegistered(late, "9.99", 10));

		awaitProduct(late, (p) -> p.path("available").asInt() == 8 && p.path("reserved").asInt() == 2);
	}

	@Test
	void aMalformedEventGoesToTheDeadLetterTopic() {
		ContractEvent broken = ContractEvent.of("StockAdded")
			.about(newSku())
			.payload((payload) -> payload.put("quantity", "many"));
		deliver(broken);

		var dead = probe.awaitRecord(INVENTORY_TOPIC + ".DLT", (r) -> r.value().contains(broken.eventId().toString()));
		assertThat(TestEvents.typeOf(dead.value())).isEqualTo("StockAdded");
	}

	private JsonNode awaitProduct(String sku, Predicate<JsonNode> until) {
		return await().atMost(Duration.ofSeconds(30)).until(() -> {
			ApiReply reply = this.api.get("/api/products/" + sku);
			return (reply.status() == 200) ? reply.json() : null;
		}, (product) -> product != null && until.test(product));
	}

}
