package io.sagaref.orderquery;

import java.nio.charset.StandardCharsets;
import java.util.List;

import io.sagaref.messaging.inbox.ErrorPolicy;
import io.sagaref.testsupport.TestEvents;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Messages no retry can fix go to the dead-letter topic at once, with the why in their
 * headers, and the events behind them on the same partition are still applied.
 */
class PoisonMessageIT extends OrderQueryServiceIntegrationTest {

	@Test
	void garbageAndUnknownTypesAreDeadLetteredWhileTheNextEventIsApplied() {
		Saga saga = new Saga();
		String key = saga.orderId.toString();
		String garbage = "{ this is not an envelope";
		String unknown = TestEvents.envelope("OrderTeleported", "order-service", key, 1,
				"{\"orderId\":\"" + key + "\"}");
		kafka().send("orders.events", key, garbage);
		kafka().send("orders.events", key, unknown);
		send(saga.placed());

		JsonNode view = awaitView(saga.orderId, hasTimelineOf(1));
		List<ConsumerRecord<String, String>> dead = awaitDeadLetters("orders.events.DLT", key, 2);

		assertThat(view.path("status").asString()).isEqualTo("PENDING");
		assertThat(dead).extracting(ConsumerRecord::value).containsExactly(garbage, unknown);
		assertThat(dead).allSatisfy((record) -> {
			assertThat(header(record, "kafka_dlt-original-topic")).isEqualTo("orders.events");
			assertThat(header(record, ErrorPolicy.ATTEMPTS_HEADER)).isEqualTo("1");
		});
		assertThat(header(dead.get(0), "kafka_dlt-exception-stacktrace")).contains("Not an event envelope");
		assertThat(header(dead.get(1), "kafka_dlt-exception-stacktrace"))
			.contains("Unknown event type 'OrderTeleported'");
	}

	@Test
	void eventsBreakingTheContractAreDeadLetteredAtOnce() {
		Saga saga = new Saga();
		String key = saga.orderId.toString();
		send(saga.event("PaymentCompleted", 1, (payload) -> payload.remove("customerId")),
				saga.paymentCompleted("25.00").from("order-service"), saga.paymentCompleted("25.00"));

		JsonNode view = awaitView(saga.orderId, hasTimelineOf(1));
		List<ConsumerRecord<String, String>> dead = awaitDeadLetters("payments.events.DLT", key, 2);

		assertThat(view.at("/payment/status").asString()).isEqualTo("COMPLETED");
		assertThat(dead).allSatisfy(
				(record) -> assertThat(header(record, ErrorPolicy.ATTEMPTS_HEADER)).as("attempts").isEqualTo("1"));
		assertThat(header(dead.get(0), "kafka_dlt-exception-stacktrace")).contains("customerId is missing");
		assertThat(header(dead.get(1), "kafka_dlt-exception-stacktrace"))
			.contains("claims to come from order-service, but only payment-service emits it");
	}

	private static List<ConsumerRecord<String, String>> awaitDeadLetters(String topic, String key, int count) {
		return await().until(() -> kafka().records(topic).stream().filter((r) -> key.equals(r.key())).toList(),
				(records) -> records.size() >= count);
	}

	private static String header(ConsumerRecord<String, String> record, String name) {
		Header header = record.headers().lastHeader(name);
		assertThat(header).as("header %s", name).isNotNull();
		return new String(header.value(), StandardCharsets.UTF_8);
	}

}
