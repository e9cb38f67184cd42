package io.sagaref.payment.messaging;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import io.sagaref.payment.PaymentServiceIntegrationTest;
import io.sagaref.testsupport.ContractEvent;
import io.sagaref.testsupport.TestEvents;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What Kafka may do to a consumer: deliver a message twice, repeat a fact under a new
 * event id, or carry a message nobody can read.
 */
class RedeliveryIT extends PaymentServiceIntegrationTest {

	@Test
	void debitsOnceWhenTheSameEventIsDeliveredTwice() {
		UUID customerId = openAccount("30.00");
		UUID orderId = UUID.randomUUID();
		String placed = orderPlaced(orderId, customerId, "10.00").json();

		kafka().send(ORDERS, orderId.toString(), placed);
		kafka().send(ORDERS, orderId.toString(), placed);
		awaitPartitionReadPast(orderId);

		assertThat(paymentEvents(orderId)).containsExactly("PaymentCompleted");
		assertThat(balance(customerId)).isEqualTo(new BigDecimal("20.00"));
	}

	@Test
	void debitsOnceWhenAnOrderIsPlacedAgainUnderANewEventId() {
		UUID customerId = openAccount("30.00");
		UUID orderId = UUID.randomUUID();
		publish(orderPlaced(orderId, customerId, "10.00"));
		awaitPayment("PaymentCompleted", orderId);

		UUID repeated = publish(orderPlaced(orderId, customerId, "10.00"));
		awaitHandled(repeated);

		assertThat(paymentEvents(orderId)).containsExactly("PaymentCompleted");
		assertThat(balance(customerId)).isEqualTo(new BigDecimal("20.00"));
		assertMoneyIsConserved();
	}

	@Test
	void sendsUnreadableMessagesToTheDeadLetterTopicAndCarriesOn() {
		UUID customerId = openAccount("30.00");
		UUID orderId = UUID.randomUUID();
		String key = orderId.toString();
		String garbage = "{not json " + UUID.randomUUID();
		ContractEvent unknownType = orderPlaced(orderId, customerId, "10.00");
		ContractEvent invalidPayload = orderPlaced(orderId, customerId, "10.00")
			.payload((payload) -> payload.put("customerId", "x"));

		kafka().send(ORDERS, key, garbage);
		kafka().send(ORDERS, key, ofAnotherType(unknownType, "OrderTeleported"));
		publish(invalidPayload);
		publish(orderPlaced(orderId, customerId, "10.00"));

		awaitPayment("PaymentCompleted", orderId);
		assertDeadLettered(kafka().awaitRecord(ORDERS + ".DLT", (r) -> garbage.equals(r.value())),
				"Not an event envelope");
		assertDeadLettered(kafka().awaitRecord(ORDERS + ".DLT", (r) -> contains(r, unknownType.eventId())),
				"Unknown event type 'OrderTeleported'");
		assertDeadLettered(kafka().awaitRecord(ORDERS + ".DLT", (r) -> contains(r, invalidPayload.eventId())),
				"Invalid payload of OrderPlaced");
		assertThat(paymentEvents(orderId)).containsExactly("PaymentCompleted");
		assertThat(balance(customerId)).isEqualTo(new BigDecimal("20.00"));
	}

	/**
	 * Sends an event for an unknown order on the same partition (same key) and waits
	 * until it is handled: everything before it on that partition has been handled too.
	 */
	private void awaitPartitionReadPast(UUID key) {
		UUID unknownOrder = UUID.randomUUID();
		awaitHandled(publish(ContractEvent.of("OrderCancelled")
			.about(key.toString())
			.payload((payload) -> payload.put("orderId", unknownOrder.toString()))));
	}

	/**
	 * @return the envelope under a type no contract knows (poison)
	 */
	private static String ofAnotherType(ContractEvent event, String type) {
		ObjectNode envelope = (ObjectNode) TestEvents.tree(event.json());
		envelope.put("type", type);
		return envelope.toString();
	}

	private static void assertDeadLettered(ConsumerRecord<String, String> record, String why) {
		assertThat(header(record, "kafka_dlt-exception-message")).contains(why);
		assertThat(Integer.parseInt(header(record, "saga-dlt-attempts"))).isPositive();
	}

	private static String header(ConsumerRecord<String, String> record, String name) {
		Header header = record.headers().lastHeader(name);
		assertThat(header).as("header %s", name).isNotNull();
		return new String(header.value(), StandardCharsets.UTF_8);
	}

	private static boolean contains(ConsumerRecord<String, String> record, UUID eventId) {
		return record.value() != null && record.value().contains(eventId.toString());
	}

}
