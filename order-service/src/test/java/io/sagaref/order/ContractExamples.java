package io.sagaref.order;

import java.time.Instant;
import java.util.UUID;
import java.util.function.Consumer;

import io.sagaref.contracts.EventContracts;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The shared contract's example events, re-addressed to a test's own order or sku, so
 * consumer tests feed order-service exactly the shapes the producers promise.
 */
public final class ContractExamples {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private ContractExamples() {
	}

	/**
	 * The example of a saga event, about the given order.
	 * @param type the event type
	 * @param eventId the event id to use
	 * @param orderId the order
	 * @param payloadChange further changes to the payload
	 * @return the envelope as JSON text
	 */
	public static String sagaEvent(String type, UUID eventId, UUID orderId, Consumer<ObjectNode> payloadChange) {
		return example(type, eventId, orderId.toString(), null, (payload) -> {
			payload.put("orderId", orderId.toString());
			payloadChange.accept(payload);
		});
	}

	public static String sagaEvent(String type, UUID orderId) {
		return sagaEvent(type, UUID.randomUUID(), orderId, (payload) -> {
		});
	}

	/**
	 * The example of a catalog event, about the given sku.
	 * @param type ProductRegistered or StockAdded
	 * @param eventId the event id to use
	 * @param sku the sku
	 * @param sequence the sku's event sequence
	 * @param payloadChange further changes to the payload
	 * @return the envelope as JSON text
	 */
	public static String catalogEvent(String type, UUID eventId, String sku, long sequence,
			Consumer<ObjectNode> payloadChange) {
		return example(type, eventId, sku, sequence, (payload) -> {
			payload.put("sku", sku);
			payloadChange.accept(payload);
		});
	}

	private static String example(String type, UUID eventId, String aggregateId, @Nullable Long sequence,
			Consumer<ObjectNode> payloadChange) {
		ObjectNode envelope = (ObjectNode) JSON.readTree(EventContracts.example(type));
		envelope.put("eventId", eventId.toString());
		envelope.put("occurredAt", Instant.now().toString());
		envelope.put("aggregateId", aggregateId);
		envelope.put("correlationId", aggregateId);
		if (sequence != null) {
			envelope.put("sequence", sequence);
		}
		payloadChange.accept((ObjectNode) envelope.get("payload"));
		return JSON.writeValueAsString(envelope);
	}

}
