package io.sagaref.eventstore.jdbc;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import io.sagaref.eventstore.EventMetadata;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON shapes of the store's {@code data} and {@code metadata} columns, written and
 * read in one place.
 */
final class EventJson {

	private final JsonMapper json;

	/**
	 * @param json the application's mapper; numbers are read as exact decimals whatever
	 * it says, so that money keeps its scale from the table to the published envelope
	 * ({@code 12.50}, not {@code 12.5})
	 */
	EventJson(JsonMapper json) {
		this.json = json.rebuild().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
	}

	JsonNode data(Object data, String type) {
		JsonNode tree = this.json.valueToTree(data);
		if (!tree.isObject()) {
			throw new IllegalArgumentException(
					"The data of " + type + " must be written as a JSON object, was " + tree.getNodeType());
		}
		// as it will read back from the table, so an appended event equals the event read
		return this.json.readTree(this.json.writeValueAsString(tree));
	}

	JsonNode read(String text) {
		return this.json.readTree(text);
	}

	String write(JsonNode node) {
		return this.json.writeValueAsString(node);
	}

	String metadata(EventMetadata metadata) {
		ObjectNode node = this.json.createObjectNode();
		node.put("correlationId", metadata.correlationId());
		node.put("causationId", (metadata.causationId() != null) ? metadata.causationId().toString() : null);
		ObjectNode attributes = node.putObject("attributes");
		metadata.attributes().forEach(attributes::put);
		return this.json.writeValueAsString(node);
	}

	EventMetadata metadata(String text) {
		JsonNode node = this.json.readTree(text);
		Map<String, String> attributes = new HashMap<>();
		node.path("attributes")
			.properties()
			.forEach((entry) -> attributes.put(entry.getKey(), entry.getValue().asString()));
		String causation = text(node, "causationId");
		return new EventMetadata(text(node, "correlationId"), (causation != null) ? UUID.fromString(causation) : null,
				attributes);
	}

	static @Nullable String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return (value == null || value.isNull()) ? null : value.asString();
	}

}
