package io.sagaref.gateway.composition;

import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class OpenOrdersTest {

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void collectsTheDistinctSkusOfPendingAndConfirmedOrdersOnly() {
		List<JsonNode> orders = JsonItems.of(this.json.readTree("""
				[{"status": "CONFIRMED", "lines": [{"sku": "PEN-2"}, {"sku": "BOOK-1"}]},
				 {"status": "PENDING", "lines": [{"sku": "BOOK-1"}]},
				 {"status": "REJECTED", "lines": [{"sku": "MUG-3"}]},
				 {"status": "CANCELLED", "lines": [{"sku": "CUP-4"}]}]
				"""));

		assertThat(OpenOrders.skus(orders)).containsExactly("BOOK-1", "PEN-2");
	}

	@Test
	void findsNoSkusInOrdersWithoutLines() {
		List<JsonNode> orders = JsonItems.of(this.json.readTree("[{\"status\": \"PENDING\"}]"));

		assertThat(OpenOrders.skus(orders)).isEmpty();
	}

	@Test
	void readsTheItemsOfABareArrayOrOfAPage() {
		assertThat(JsonItems.of(this.json.readTree("[{\"a\":1}]"))).hasSize(1);
		assertThat(JsonItems.of(this.json.readTree("{\"content\":[{\"a\":1},{\"a\":2}]}"))).hasSize(2);
		assertThat(JsonItems.of(this.json.readTree("{\"error\":\"boom\"}"))).isNull();
	}

}
