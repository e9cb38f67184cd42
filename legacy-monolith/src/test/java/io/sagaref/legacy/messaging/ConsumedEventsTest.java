package io.sagaref.legacy.messaging;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.sagaref.contracts.EventContracts;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * This consumer's records read the contract's example of every event it handles, so its
 * copy cannot drift from what inventory-service publishes.
 */
class ConsumedEventsTest {

	private static final JsonMapper JSON = JsonMapper.builder()
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.build();

	@ParameterizedTest
	@CsvSource({ "ProductRegistered, io.sagaref.legacy.messaging.ConsumedEvents$ProductRegistered",
			"StockAdded, io.sagaref.legacy.messaging.ConsumedEvents$StockAdded",
			"StockReserved, io.sagaref.legacy.messaging.ConsumedEvents$StockReserved",
			"StockReleased, io.sagaref.legacy.messaging.ConsumedEvents$StockReleased" })
	void readsTheContractsExample(String type, Class<?> record) {
		JsonNode payload = JSON.readTree(EventContracts.example(type)).get("payload");

		Object read = JSON.treeToValue(payload, record);

		assertThat(read).hasNoNullFieldsOrProperties();
		assertThat(EventContracts.types("inventory.events")).contains(type);
	}

	@Test
	void everyEventOfTheTopicIsHandledOrDeclaredIgnored() {
		assertThat(EventContracts.types("inventory.events")).containsExactlyInAnyOrder("ProductRegistered",
				"StockAdded", "StockReserved", "StockReleased", "StockRejected");
	}

}
