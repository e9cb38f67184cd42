package io.sagaref.order.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.sagaref.order.CatalogProduct;
import io.sagaref.order.Money;
import io.sagaref.order.OrderServiceIntegrationTest;
import io.sagaref.testsupport.ApiReply;
import io.sagaref.testsupport.ContractEvent;
import io.sagaref.testsupport.TestEvents;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Consumer contract of inventory's catalog events, and the error policy: the replica
 * follows ProductRegistered and StockAdded in sequence, and poison goes to the
 * dead-letter topic without holding up the events behind it.
 */
class CatalogReplicaIT extends OrderServiceIntegrationTest {

	@Test
	void registersAProductFromProductRegistered() {
		String sku = newSku();

		deliver(catalogEvent("ProductRegistered", sku, 1));

		CatalogProduct product = awaitProduct(sku, 1);
		assertThat(product.name()).isEqualTo("Domain-Driven Design");
		assertThat(product.price()).isEqualTo(Money.of("12.50"));
	}

	@Test
	void appliesANewerRegistrationAndIgnoresAnOlderOne() {
		String sku = newSku();
		deliver(catalogEvent("ProductRegistered", sku, 1));
		deliver(catalogEvent("ProductRegistered", sku, 3).money("price", "20.00"));
		ContractEvent older = catalogEvent("ProductRegistered", sku, 2).money("price", "5.00");
		deliver(older);
		awaitProcessed(older.eventId());

		CatalogProduct product = awaitProduct(sku, 3);
		assertThat(product.price()).isEqualTo(Money.of("20.00"));
	}

	@Test
	void stockAddedMovesTheSequenceButNotThePrice() {
		String sku = newSku();
		deliver(catalogEvent("ProductRegistered", sku, 1));
		deliver(catalogEvent("StockAdded", sku, 2));
		awaitProduct(sku, 2);

		ContractEvent stale = catalogEvent("ProductRegistered", sku, 2).money("price", "1.00");
		deliver(stale);
		awaitProcessed(stale.eventId());

		assertThat(this.catalog.findBySku(sku).orElseThrow().price()).isEqualTo(Money.of("12.50"));
	}

	@Test
	void ordersArePricedAtTheReplicasCurrentPrice() {
		String sku = newSku();
		deliver(catalogEvent("ProductRegistered", sku, 1));
		deliver(catalogEvent("ProductRegistered", sku, 2).money("price", "8.25"));
		awaitProduct(sku, 2);

		ApiReply placed = this.api.post("/api/orders", orderJson(UUID.randomUUID(), sku, 2));

		String orderId = placed.json().path("orderId").asString();
		assertThat(this.api.get("/internal/orders/" + orderId).json().path("total").decimalValue())
			.isEqualByComparingTo("16.50");
	}

	@Test
	void poisonGoesToTheDeadLetterTopicWhileTheNextEventIsProcessed() {
		String sku = newSku();

		send("this is not an event", sku);
		send(TestEvents.envelope("ProductDiscontinued", "inventory-service", sku, 1, "{\"sku\":\"" + sku + "\"}"), sku);
		send(TestEvents.envelope("ProductRegistered", "inventory-service", sku, 1,
				"{\"sku\":\"" + sku + "\",\"name\":\"no price\"}"), sku);
		send(catalogEvent("ProductRegistered", sku, 1).money("price", "10.005").json(), sku);
		deliver(catalogEvent("ProductRegistered", sku, 2));

		awaitProduct(sku, 2);
		List<ConsumerRecord<String, String>> dead = await().atMost(Duration.ofSeconds(30))
			.until(() -> probe.records(INVENTORY_TOPIC + ".DLT").stream().filter((r) -> sku.equals(r.key())).toList(),
					(records) -> records.size() == 4);
		assertThat(dead).extracting(ConsumerRecord::value).first().isEqualTo("this is not an event");
		for (ConsumerRecord<String, String> record : dead) {
			assertThat(header(record, "kafka_dlt-original-topic")).isEqualTo(INVENTORY_TOPIC);
			assertThat(header(record, "kafka_dlt-exception-message")).isNotBlank();
			assertThat(header(record, "saga-dlt-attempts")).isEqualTo("1");
		}
		assertThat(header(dead.get(1), "kafka_dlt-exception-message")).contains("ProductDiscontinued");
		assertThat(header(dead.get(3), "kafka_dlt-exception-message")).contains("at most 2 decimals", "10.005");
	}

	private static String newSku() {
		return "SKU-" + UUID.randomUUID();
	}

	private static ContractEvent catalogEvent(String type, String sku, long sequence) {
		return ContractEvent.of(type).about(sku).sequence(sequence).payload((p) -> p.put("sku", sku));
	}

	private static void send(String envelope, String sku) {
		probe.send(INVENTORY_TOPIC, sku, envelope);
	}

	private CatalogProduct awaitProduct(String sku, long sequence) {
		return await().atMost(Duration.ofSeconds(30))
			.until(() -> this.catalog.findBySku(sku), (p) -> p.isPresent() && p.get().lastSequence() == sequence)
			.orElseThrow();
	}

	private static String header(ConsumerRecord<String, String> record, String name) {
		Header header = record.headers().lastHeader(name);
		return (header != null) ? new String(header.value(), StandardCharsets.UTF_8) : "";
	}

}
