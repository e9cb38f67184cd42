package io.sagaref.orderquery;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.function.Consumer;

import io.sagaref.testsupport.ContractEvent;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds one order's saga events as the other services would publish them: each is the
 * contract's example envelope ({@link ContractEvent}) re-addressed to this saga's order
 * and customer, with the test's values, and every event happens one millisecond after the
 * one built before it, so timelines have a known order whatever order the events are sent
 * in.
 */
final class Saga {

	/** Keeps decimals exact, as money must be. */
	private static final JsonMapper JSON = JsonMapper.builder()
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.build();

	final UUID orderId = UUID.randomUUID();

	final UUID customerId;

	private Instant clock;

	Saga(UUID customerId, Instant start) {
		this.customerId = customerId;
		this.clock = start.truncatedTo(ChronoUnit.MILLIS);
	}

	Saga() {
		this(UUID.randomUUID(), Instant.now());
	}

	Event placed() {
		return event("OrderPlaced", 1, (payload) -> {
			payload.putArray("lines")
				.addObject()
				.put("sku", "BOOK-1")
				.put("quantity", 2)
				.put("unitPrice", new BigDecimal("12.50"));
			payload.put("total", new BigDecimal("25.00"));
		});
	}

	Event confirmed() {
		return event("OrderConfirmed", 2, (payload) -> {
		});
	}

	Event rejected(long sequence, String reason) {
		return event("OrderRejected", sequence, (payload) -> payload.put("reason", reason));
	}

	Event cancelled(long sequence) {
		return event("OrderCancelled", sequence, (payload) -> payload.put("reason", "CUSTOMER_REQUEST"));
	}

	Event paymentCompleted(String amount) {
		return event("PaymentCompleted", 1, (payload) -> payload.put("amount", new BigDecimal(amount)));
	}

	Event paymentDeclined(String reason) {
		return event("PaymentDeclined", 1, (payload) -> payload.put("reason", reason));
	}

	Event paymentRefunded(String reason) {
		return event("PaymentRefunded", 2, (payload) -> payload.put("reason", reason));
	}

	Event stockReserved() {
		return event("StockReserved", 1, (payload) -> {
		});
	}

	Event stockRejected(String sku, int requested, int available) {
		return event("StockRejected", 1,
				(payload) -> payload.putArray("shortages")
					.addObject()
					.put("sku", sku)
					.put("requested", requested)
					.put("available", available));
	}

	Event stockReleased(long sequence, String reason) {
		return event("StockReleased", sequence, (payload) -> payload.put("reason", reason));
	}

	/**
	 * @param type a contract event type
	 * @param sequence the envelope's sequence
	 * @param changes changes to the contract example's payload
	 * @return the event, with a fresh id
	 */
	Event event(String type, long sequence, Consumer<ObjectNode> changes) {
		this.clock = this.clock.plusMillis(1);
		ContractEvent event = ContractEvent.of(type)
			.aboutOrder(this.orderId)
			.sequence(sequence)
			.occurredAt(this.clock)
			.payload((payload) -> {
				if (payload.has("customerId")) {
					payload.put("customerId", this.customerId.toString());
				}
			})
			.payload(changes);
		return new Event(event.topic(), event.key(), event.eventId(), type, this.clock, event.json());
	}

	/**
	 * An event ready to send.
	 *
	 * @param topic its topic
	 * @param key its record key, the order id
	 * @param eventId its envelope id
	 * @param type its type
	 * @param occurredAt its time
	 * @param json the envelope
	 */
	record Event(String topic, String key, UUID eventId, String type, Instant occurredAt, String json) {

		/**
		 * @param source another producer
		 * @return this event under a fresh id, claiming to come from {@code source}
		 */
		Event from(String source) {
			ObjectNode envelope = (ObjectNode) JSON.readTree(this.json);
			UUID id = UUID.randomUUID();
			envelope.put("eventId", id.toString());
			envelope.put("source", source);
			return new Event(this.topic, this.key, id, this.type, this.occurredAt, envelope.toString());
		}

	}

}
