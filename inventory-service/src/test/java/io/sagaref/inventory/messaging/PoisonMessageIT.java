package io.sagaref.inventory.messaging;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import io.sagaref.inventory.InventoryServiceIntegrationTest;
import io.sagaref.inventory.OrderId;
import io.sagaref.testsupport.TestEvents;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PoisonMessageIT extends InventoryServiceIntegrationTest {

	@Test
	void deadLettersGarbageAndAnUnknownTypeAndGoesOnWithTheNextPayment() {
		String sku = registerProduct(2);
		UUID orderId = UUID.randomUUID();

		probe.send(PAYMENTS_TOPIC, orderId.toString(), "{not json at all");
		probe.send(PAYMENTS_TOPIC, orderId.toString(), TestEvents.envelope("PaymentTeleported", "payment-service",
				orderId.toString(), 1, "{\"orderId\": \"" + orderId + "\"}"));
		deliver(paymentCompleted(orderId, line(sku, 1)));

		awaitInventoryEvent("StockReserved", orderId);
		assertThat(available(sku)).isEqualTo(1);
		var garbage = awaitDeadLetter(PAYMENTS_TOPIC, orderId, "{not json at all");
		assertDeadLetterExplained(garbage, "Not an event envelope");
		var unknown = awaitDeadLetter(PAYMENTS_TOPIC, orderId, "PaymentTeleported");
		assertDeadLetterExplained(unknown, "Unknown event type 'PaymentTeleported'");
	}

	@Test
	void deadLettersAnInvalidPaymentWithoutTouchingStock() {
		String sku = registerProduct(2);
		UUID orderId = UUID.randomUUID();

		deliver(paymentCompleted(orderId, line(sku, 0)));
		probe.send(PAYMENTS_TOPIC, orderId.toString(), TestEvents.envelope("PaymentCompleted", "payment-service",
				orderId.toString(), 1, "{\"orderId\": \"not-a-uuid\", \"lines\": []}"));

		var zero = awaitDeadLetter(PAYMENTS_TOPIC, orderId, "\"quantity\":0");
		assertDeadLetterExplained(zero, "at least 1");
		var badId = awaitDeadLetter(PAYMENTS_TOPIC, orderId, "not-a-uuid");
		assertDeadLetterExplained(badId, "Invalid payload of PaymentCompleted");
		assertThat(available(sku)).isEqualTo(2);
		assertThat(this.reservations.findById(new OrderId(orderId))).isEmpty();
	}

	@Test
	void deadLettersGarbageOnTheOrdersTopicToo() {
		String sku = registerProduct(1);
		UUID orderId = reservedOrder(sku, 1);

		probe.send(ORDERS_TOPIC, orderId.toString(), "garbage");
		deliver(orderCancelled(orderId));

		awaitInventoryEvent("StockReleased", orderId);
		assertDeadLetterExplained(awaitDeadLetter(ORDERS_TOPIC, orderId, "garbage"), "Not an event envelope");
		assertThat(available(sku)).isEqualTo(1);
	}

	private static ConsumerRecord<String, String> awaitDeadLetter(String topic, UUID key, String containing) {
		return probe.awaitRecord(topic + ".DLT",
				(r) -> key.toString().equals(r.key()) && r.value() != null && r.value().contains(containing));
	}

	private static void assertDeadLetterExplained(ConsumerRecord<String, String> deadLetter, String cause) {
		assertThat(header(deadLetter, "kafka_dlt-exception-message")).contains(cause);
		assertThat(Integer.parseInt(header(deadLetter, "saga-dlt-attempts"))).isEqualTo(1);
	}

	private static String header(ConsumerRecord<String, String> record, String name) {
		Header header = record.headers().lastHeader(name);
		assertThat(header).as("header %s", name).isNotNull();
		return new String(header.value(), StandardCharsets.UTF_8);
	}

}
