package io.sagaref.order.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.sagaref.order.CatalogProduct;
import io.sagaref.order.ContractExamples;
import io.sagaref.order.IntegrationTest;
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
class CatalogReplicaIT extends IntegrationTest {

	@Test
	void registersAProductFromProductRegistered() {
		String sku = newSku();

		send(ContractExamples.catalogEvent("ProductRegistered", UUID.randomUUID(), sku, 1, (p) -> {
		}), sku);

		CatalogProduct product = awaitProduct(sku, 1);
		assertThat(product.name()).isEqualTo("Domain-Driven Design");
		assertThat(product.price()).isEqualByComparingTo("12.50");
	}

	@Test
	void appliesANewerRegistrationAndIgnoresAnOlderOne() {
		String sku = newSku();
		send(ContractExamples.catalogEvent("ProductRegistered", UUID.randomUUID(), sku, 1, (p) -> {
		}), sku);
		send(ContractExamples.catalogEvent("ProductRegistered", UUID.randomUUID(), sku, 3,
				(p) -> p.put("price", 20.00)), sku);
		UUID older = UUID.randomUUID();
		send(ContractExamples.catalogEvent("ProductRegistered", older, sku, 2, (p) -> p.put("price", 5.00)), sku);
		awaitProcessed(older);

		CatalogProduct product = awaitProduct(sku, 3);
		assertThat(product.price()).isEqualByComparingTo("20.00");
	}

	@Test
	void stockAddedMovesTheSequenceButNotThePrice() {
		String sku = newSku();
		send(ContractExamples.catalogEvent("ProductRegistered", UUID.randomUUID(), sku, 1, (p) -> {
		}), sku);
		send(ContractExamples.catalogEvent("StockAdded", UUID.randomUUID(), sku, 2, (p) -> {
		}), sku);
		awaitProduct(sku, 2);

		UUID stale = UUID.randomUUID();
		send(ContractExamples.catalogEvent("ProductRegistered", stale, sku, 2, (p) -> p.put("price", 1.00)), sku);
		awaitProcessed(stale);

		assertThat(this.catalog.findBySku(sku).orElseThrow().price()).isEqualByComparingTo("12.50");
	}

	@Test
	void ordersArePricedAtTheReplicasCurrentPrice() {
		String sku = newSku();
		send(ContractExamples.catalogEvent("ProductRegistered", UUID.randomUUID(), sku, 1, (p) -> {
		}), sku);
		send(ContractExamples.catalogEvent("ProductRegistered", UUID.randomUUID(), sku, 2, (p) -> p.put("price", 8.25)),
				sku);
		awaitProduct(sku, 2);

		Reply placed = post("/api/orders", orderJson(UUID.randomUUID(), sku, 2));

		String orderId = placed.json().path("orderId").asString();
		assertThat(get("/internal/orders/" + orderId).json().path("total").decimalValue())
			.isEqualByComparingTo("16.50");
	}

	@Test
	void poisonGoesToTheDeadLetterTopicWhileTheNextEventIsProcessed() {
		String sku = newSku();

		send("this is not an event", sku);
		send(TestEvents.envelope("ProductDiscontinued", "inventory-service", sku, 1, "{\"sku\":\"" + sku + "\"}"), sku);
		send(TestEvents.envelope("ProductRegistered", "inventory-service", sku, 1,
				"{\"sku\":\"" + sku + "\",\"name\":\"no price\"}"), sku);
		send(ContractExamples.catalogEvent("ProductRegistered", UUID.randomUUID(), sku, 2, (p) -> {
		}), sku);

		awaitProduct(sku, 2);
		List<ConsumerRecord<String, String>> dead = await().atMost(Duration.ofSeconds(30))
			.until(() -> probe.records(INVENTORY_TOPIC + ".DLT").stream().filter((r) -> sku.equals(r.key())).toList(),
					(records) -> records.size() == 3);
		assertThat(dead).extracting(ConsumerRecord::value).first().isEqualTo("this is not an event");
		for (ConsumerRecord<String, String> record : dead) {
			assertThat(header(record, "kafka_dlt-original-topic")).isEqualTo(INVENTORY_TOPIC);
			assertThat(header(record, "kafka_dlt-exception-message")).isNotBlank();
			assertThat(header(record, "saga-dlt-attempts")).isEqualTo("1");
		}
		assertThat(header(dead.get(1), "kafka_dlt-exception-message")).contains("ProductDiscontinued");
	}

	private static String newSku() {
		return "SKU-" + UUID.randomUUID();
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
