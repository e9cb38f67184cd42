package io.sagaref.legacy;

import java.util.UUID;

import io.sagaref.embedded.ServiceDatabase;
import io.sagaref.testsupport.ApiClient;
import io.sagaref.testsupport.ContractEvent;
import io.sagaref.testsupport.KafkaProbe;
import io.sagaref.testsupport.TestInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import tools.jackson.databind.node.ArrayNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the integration tests: legacy-monolith on real Postgres and Kafka, one context
 * for every subclass, the shared HTTP client, and a Kafka probe that plays
 * inventory-service with the contract's example events.
 */
@SpringBootTest(classes = LegacyMonolithApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "saga.legacy.read-token-wait=1s")
public abstract class LegacyMonolithIntegrationTest {

	protected static final String INVENTORY_TOPIC = "inventory.events";

	protected static KafkaProbe probe;

	@LocalServerPort
	private int port;

	protected ApiClient api;

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		TestInfrastructure.register(registry, ServiceDatabase.LEGACY);
	}

	@BeforeAll
	static void watchTopics() {
		probe = KafkaProbe.watch(INVENTORY_TOPIC + ".DLT");
	}

	@AfterAll
	static void stopWatching() {
		probe.close();
	}

	@BeforeEach
	void connect() {
		this.api = ApiClient.onPort(this.port);
	}

	protected static String newSku() {
		return "SKU-" + UUID.randomUUID().toString().substring(0, 13);
	}

	/** ProductRegistered as inventory-service sends it, as the product's first event. */
	protected static ContractEvent productRegistered(String sku, String price, int stock) {
		return ContractEvent.of("ProductRegistered")
			.about(sku)
			.sequence(1)
			.payload((payload) -> payload.put("sku", sku).put("name", "Product " + sku).put("available", stock))
			.money("price", price);
	}

	/** StockAdded as inventory-service sends it. */
	protected static ContractEvent stockAdded(String sku, int quantity, long sequence) {
		return ContractEvent.of("StockAdded")
			.about(sku)
			.sequence(sequence)
			.payload((payload) -> payload.put("sku", sku).put("quantity", quantity).put("available", 0));
	}

	/** StockReserved (or StockReleased) of one line for a new order. */
	protected static ContractEvent stockEvent(String type, String sku, int quantity) {
		return stockEvent(type, UUID.randomUUID(), sku, quantity);
	}

	/** StockReserved (or StockReleased) of one line of an order. */
	protected static ContractEvent stockEvent(String type, UUID orderId, String sku, int quantity) {
		return ContractEvent.of(type).aboutOrder(orderId).payload((payload) -> {
			ArrayNode lines = payload.putArray("lines");
			lines.addObject().put("sku", sku).put("quantity", quantity);
		});
	}

	/** Sends an event as inventory-service would: keyed by its aggregate. */
	protected static void deliver(ContractEvent event) {
		probe.send(event.topic(), event.key(), event.json());
	}

}
