package io.sagaref.testsupport;

import java.time.Instant;
import java.util.UUID;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds and reads event envelopes in tests, as another service would put them on the
 * wire.
 */
public final class TestEvents {

	private static final JsonMapper JSON = JsonMapper.builder()
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.build();

	private TestEvents() {
	}

	/**
	 * An envelope with a fresh event id.
	 * @param type the event type
	 * @param source the producing service
	 * @param aggregateId the aggregate (and correlation) id
	 * @param sequence the aggregate's sequence number
	 * @param payloadJson the payload as JSON text
	 * @return the envelope as JSON text
	 */
	public static String envelope(String type, String source, String aggregateId, long sequence, String payloadJson) {
		return envelope(UUID.randomUUID(), type, source, aggregateId, sequence, payloadJson);
	}

	public static String envelope(UUID eventId, String type, String source, String aggregateId, long sequence,
			String payloadJson) {
		ObjectNode node = JSON.createObjectNode();
		node.put("eventId", eventId.toString());
		node.put("type", type);
		node.put("version", 1);
		node.put("occurredAt", Instant.now().toString());
		node.put("source", source);
		node.put("aggregateId", aggregateId);
		node.put("sequence", sequence);
		node.put("correlationId", aggregateId);
		node.putNull("causationId");
		node.set("payload", JSON.readTree(payloadJson));
		return JSON.writeValueAsString(node);
	}

	/**
	 * @return the envelope's type
	 */
	public static String typeOf(String envelopeJson) {
		return tree(envelopeJson).path("type").asString();
	}

	/**
	 * @return the envelope's payload
	 */
	public static JsonNode payloadOf(String envelopeJson) {
		return tree(envelopeJson).path("payload");
	}

	/**
	 * @return the whole envelope as a tree
	 */
	public static JsonNode tree(String envelopeJson) {
		try {
			return JSON.readTree(envelopeJson);
		}
		catch (RuntimeException ex) {
			return JSON.createObjectNode();
		}
	}

}
