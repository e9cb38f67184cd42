package io.sagaref.inventory.web;

import java.net.URI;
import java.util.UUID;

import io.sagaref.contracts.EventContracts;
import io.sagaref.inventory.InventoryServiceIntegrationTest;
import io.sagaref.testsupport.ApiReply;
import io.sagaref.testsupport.TestEvents;
import io.sagaref.web.ReadToken;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static io.sagaref.testsupport.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The product API on the real stack: what is stored, what is announced, and the answers
 * only the database can give (a taken sku, an unknown product). Request validation is
 * {@link ProductControllerTest}'s.
 */
class ProductApiIT extends InventoryServiceIntegrationTest {

	@Test
	void registersAProductAndAnnouncesItKeyedBySku() {
		String sku = newSku();

		ApiReply reply = this.api.post("/api/products",
				"{\"sku\": \"%s\", \"name\": \"Refactoring\", \"price\": 12.5, \"stock\": 10}".formatted(sku));

		assertThat(reply.status()).isEqualTo(201);
		assertThat(URI.create(String.valueOf(reply.location()))).hasPath("/api/products/" + sku);
		JsonNode product = reply.json();
		assertThat(product.path("sku").asString()).isEqualTo(sku);
		assertThat(product.path("name").asString()).isEqualTo("Refactoring");
		assertThat(product.path("price").decimalValue()).isEqualByComparingTo("12.50");
		assertThat(product.path("available").asInt()).isEqualTo(10);
		assertThat(product.path("reserved").asInt()).isZero();

		var event = probe.awaitRecord(INVENTORY_TOPIC, (r) -> sku.equals(r.key()));
		EventContracts.assertConforms(INVENTORY_TOPIC, event.value());
		JsonNode envelope = TestEvents.tree(event.value());
		assertThat(envelope.path("type").asString()).isEqualTo("ProductRegistered");
		assertThat(envelope.path("aggregateId").asString()).isEqualTo(sku);
		assertThat(envelope.path("sequence").asLong()).isEqualTo(1);
		JsonNode payload = envelope.path("payload");
		assertThat(payload.path("price").decimalValue()).isEqualByComparingTo("12.50");
		assertThat(payload.path("available").asInt()).isEqualTo(10);
	}

	@Test
	void keepsAPriceExactlyAsSent() {
		String sku = newSku();

		ApiReply reply = this.api.post("/api/products",
				"{\"sku\": \"%s\", \"name\": \"Dear\", \"price\": 12345678901234567.89, \"stock\": 1}".formatted(sku));

		assertThat(reply.status()).isEqualTo(201);
		assertThat(reply.json().path("price").decimalValue()).isEqualByComparingTo("12345678901234567.89");
		assertThat(product(sku).path("price").decimalValue()).isEqualByComparingTo("12345678901234567.89");
	}

	@Test
	void refusesASecondProductWithTheSameSku() {
		String sku = registerProduct(1);

		ApiReply reply = this.api.post("/api/products",
				"{\"sku\": \"%s\", \"name\": \"Again\", \"price\": 1, \"stock\": 1}".formatted(sku));

		assertProblem(reply, 409, sku);
		assertThat(product(sku).path("name").asString()).isEqualTo("Product " + sku);
	}

	@Test
	void showsAProductAndAnswers404ForAnUnknownOne() {
		String sku = registerProduct(3);

		JsonNode product = product(sku);
		assertThat(product.path("available").asInt()).isEqualTo(3);
		assertThat(product.path("price").decimalValue()).isEqualByComparingTo("9.99");

		String unknown = newSku();
		assertProblem(this.api.get("/api/products/" + unknown), 404, unknown);
	}

	@Test
	void listsTheKnownProductsAmongThoseAskedFor() {
		String first = registerProduct(1);
		String second = registerProduct(2);

		ApiReply reply = this.api.get("/api/products?sku=" + second + "&sku=" + newSku() + "&sku=" + first);

		assertThat(reply.status()).isEqualTo(200);
		JsonNode products = reply.json();
		assertThat(products.size()).isEqualTo(2);
		assertThat(products.findValuesAsString("sku")).containsExactlyInAnyOrder(first, second);
	}

	@Test
	void addsStockAndAnnouncesItAsTheProductsSecondEvent() {
		String sku = registerProduct(2);

		ApiReply reply = this.api.post("/api/products/" + sku + "/stock", "{\"quantity\": 5}");

		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.json().path("available").asInt()).isEqualTo(7);
		var event = probe.awaitRecord(INVENTORY_TOPIC,
				(r) -> sku.equals(r.key()) && TestEvents.typeOf(r.value()).equals("StockAdded"));
		EventContracts.assertConforms(INVENTORY_TOPIC, event.value());
		JsonNode envelope = TestEvents.tree(event.value());
		assertThat(envelope.path("sequence").asLong()).isEqualTo(2);
		assertThat(envelope.path("payload").path("quantity").asInt()).isEqualTo(5);
		assertThat(envelope.path("payload").path("available").asInt()).isEqualTo(7);
	}

	@Test
	void refusesToAddStockToAnUnknownProductOrLessThanOneUnit() {
		String unknown = newSku();
		assertProblem(this.api.post("/api/products/" + unknown + "/stock", "{\"quantity\": 1}"), 404, unknown);

		String sku = registerProduct(2);
		assertProblem(this.api.post("/api/products/" + sku + "/stock", "{\"quantity\": 0}"), 400, "quantity");
		assertProblem(this.api.post("/api/products/" + sku + "/stock", "{}"), 400, "quantity");
		assertThat(available(sku)).isEqualTo(2);
	}

	@Test
	void theLedgerAccountsForEveryUnitReceived() {
		String sku = registerProduct(4);
		this.api.post("/api/products/" + sku + "/stock", "{\"quantity\": 3}");

		ApiReply reply = this.api.get("/internal/stock-ledger");

		assertThat(reply.status()).isEqualTo(200);
		JsonNode entry = entry(reply.json(), sku);
		assertThat(entry.path("available").asInt()).isEqualTo(7);
		assertThat(entry.path("reserved").asInt()).isZero();
		assertThat(entry.path("received").asInt()).isEqualTo(7);
		assertThat(entry.path("reservedByOrders").asLong()).isZero();
		assertLedgerConserved();
	}

	@Test
	void theLedgerShowsWhatTheOrdersHoldingAProductHold() {
		String sku = registerProduct(10);
		reservedOrder(sku, 2);
		UUID released = reservedOrder(sku, 3);
		deliver(orderCancelled(released));
		awaitInventoryEvent("StockReleased", released);

		JsonNode entry = entry(this.api.get("/internal/stock-ledger").json(), sku);

		assertThat(entry.path("available").asInt()).isEqualTo(8);
		assertThat(entry.path("reserved").asInt()).isEqualTo(2);
		assertThat(entry.path("reservedByOrders").asLong()).isEqualTo(2);
		assertLedgerConserved();
	}

	@Test
	void answersEveryWriteWithAReadTokenOfTheProductsEventSequence() {
		String sku = newSku();

		ApiReply registered = this.api.post("/api/products",
				"{\"sku\": \"%s\", \"name\": \"Refactoring\", \"price\": 12.5, \"stock\": 1}".formatted(sku));
		ApiReply stocked = this.api.post("/api/products/" + sku + "/stock", "{\"quantity\": 2}");

		assertThat(readToken(registered)).isEqualTo(new ReadToken("inventory-service", sku, 1));
		assertThat(readToken(stocked)).isEqualTo(new ReadToken("inventory-service", sku, 2));
		var announced = probe.awaitRecord(INVENTORY_TOPIC,
				(r) -> sku.equals(r.key()) && TestEvents.typeOf(r.value()).equals("StockAdded"));
		assertThat(TestEvents.tree(announced.value()).path("sequence").asLong())
			.as("the token's version is the announced event's sequence")
			.isEqualTo(readToken(stocked).version());
	}

	@Test
	void readsItsOwnWriteAtOnceWithTheWritesReadToken() {
		String sku = registerProduct(1);
		ApiReply stocked = this.api.post("/api/products/" + sku + "/stock", "{\"quantity\": 4}");

		ApiReply reply = this.api.get("/api/products/" + sku + "?readToken=" + stocked.header(ReadToken.HEADER));

		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.json().path("available").asInt()).isEqualTo(5);
		ApiReply list = this.api.get("/api/products?sku=" + sku + "&readToken=" + stocked.header(ReadToken.HEADER));
		assertThat(list.status()).isEqualTo(200);
		assertThat(list.json().path(0).path("available").asInt()).isEqualTo(5);
	}

	@Test
	void refusesAReadTokenItDidNotIssue() {
		String sku = registerProduct(1);

		assertProblem(this.api.get("/api/products/" + sku + "?readToken=not-a-token"), 400,
				"'not-a-token' is not a read token");
	}

	private static ReadToken readToken(ApiReply reply) {
		String header = reply.header(ReadToken.HEADER);
		assertThat(header).as("Read-Token of %s", reply.body()).isNotNull();
		return ReadToken.parse(header);
	}

	private static JsonNode entry(JsonNode ledger, String sku) {
		for (JsonNode candidate : ledger) {
			if (candidate.path("sku").asString().equals(sku)) {
				return candidate;
			}
		}
		throw new AssertionError("No ledger entry for " + sku);
	}

}
