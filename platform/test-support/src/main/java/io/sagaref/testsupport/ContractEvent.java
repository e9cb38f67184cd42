package io.sagaref.testsupport;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Consumer;

import io.sagaref.contracts.EventContracts;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds an event envelope from the shared contract's example of its type, re-addressed
 * to a test's own aggregate, so a consumer test feeds a service exactly the shape its
 * producer promises. Every envelope gets a fresh event id and the current time unless the
 * test sets them; decimals stay exact.
 *
 * <pre>{@code
 * String envelope = ContractEvent.of("OrderPlaced")
 *     .about(orderId.toString())
 *     .payload((p) -> p.put("orderId", orderId.toString()).put("total", new BigDecimal("25.00")))
 *     .json();
 * }</pre>
 */
public final class ContractEvent {

	private static final JsonMapper JSON = JsonMapper.builder()
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.build();

	private final ObjectNode envelope;

	private ContractEvent(ObjectNode envelope) {
		this.envelope = envelope;
		eventId(UUID.randomUUID());
		occurredAt(Instant.now());
	}

	/**
	 * @param type an event type of the contract, e.g. {@code OrderPlaced}
	 * @return a builder starting from that type's example envelope
	 */
	public static ContractEvent of(String type) {
		return new ContractEvent((ObjectNode) JSON.readTree(EventContracts.example(type)));
	}

	/**
	 * @return the topic the contract puts this type on
	 */
	public String topic() {
		return EventContracts.topicOf(type());
	}

	public String type() {
		return this.envelope.path("type").asString();
	}

	public UUID eventId() {
		return UUID.fromString(this.envelope.path("eventId").asString());
	}

	/**
	 * @return the aggregate id, also the record key producers use
	 */
	public String key() {
		return this.envelope.path("aggregateId").asString();
	}

	public ContractEvent eventId(UUID eventId) {
		this.envelope.put("eventId", eventId.toString());
		return this;
	}

	/**
	 * Re-addresses the event: aggregate and correlation id.
	 * @param aggregateId the order id or sku
	 * @return this builder
	 */
	public ContractEvent about(String aggregateId) {
		this.envelope.put("aggregateId", aggregateId);
		this.envelope.put("correlationId", aggregateId);
		return this;
	}

	/**
	 * Re-addresses a saga event to an order: aggregate, correlation id and the payload's
	 * {@code orderId}.
	 * @param orderId the order
	 * @return this builder
	 */
	public ContractEvent aboutOrder(UUID orderId) {
		payload((payload) -> payload.put("orderId", orderId.toString()));
		return about(orderId.toString());
	}

	public ContractEvent sequence(long sequence) {
		this.envelope.put("sequence", sequence);
		return this;
	}

	public ContractEvent occurredAt(Instant occurredAt) {
		this.envelope.put("occurredAt", occurredAt.toString());
		return this;
	}

	/**
	 * @param change changes to the payload, applied in place
	 * @return this builder
	 */
	public ContractEvent payload(Consumer<ObjectNode> change) {
		change.accept((ObjectNode) this.envelope.get("payload"));
		return this;
	}

	/**
	 * Sets one payload field to an exact decimal.
	 * @param field the field
	 * @param amount the amount as text, e.g. {@code "12.50"}
	 * @return this builder
	 */
	public ContractEvent money(String field, String amount) {
		return payload((payload) -> payload.put(field, new BigDecimal(amount)));
	}

	/**
	 * @return the envelope as JSON text
	 */
	public String json() {
		return JSON.writeValueAsString(this.envelope);
	}

	@Override
	public String toString() {
		return json();
	}

}
