package io.sagaref.contracts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The shared event contract: for every topic the event types it carries, and for every
 * type an example envelope ({@code contracts/events/<topic>/<Type>.v<version>.json}).
 * Services never share event classes; a producer's test checks that what it emits has the
 * example's shape, and each consumer's test parses every example into its own records, so
 * the copies cannot drift apart.
 */
public final class EventContracts {

	private static final JsonMapper JSON = JsonMapper.builder()
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.build();

	private static final JsonNode CATALOG = read("contracts/catalog.json");

	private EventContracts() {
	}

	/**
	 * @return every topic of the catalog with the event types it carries
	 */
	public static Map<String, List<String>> topics() {
		Map<String, List<String>> topics = new LinkedHashMap<>();
		for (var entry : CATALOG.get("topics").properties()) {
			List<String> types = new ArrayList<>();
			entry.getValue().get("events").forEach((type) -> types.add(type.asString()));
			topics.put(entry.getKey(), types);
		}
		return topics;
	}

	/**
	 * @param topic a topic of the catalog
	 * @return the event types carried by the topic
	 */
	public static List<String> types(String topic) {
		List<String> types = topics().get(topic);
		if (types == null) {
			throw new IllegalArgumentException("No topic " + topic + " in the contract");
		}
		return types;
	}

	/**
	 * @param type an event type
	 * @return the topic that carries it
	 */
	public static String topicOf(String type) {
		return topics().entrySet()
			.stream()
			.filter((e) -> e.getValue().contains(type))
			.map(Map.Entry::getKey)
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("No event type " + type + " in the contract"));
	}

	/**
	 * @param type an event type
	 * @return the example envelope of version 1 as JSON text
	 */
	public static String example(String type) {
		return text("contracts/events/" + topicOf(type) + "/" + type + ".v1.json");
	}

	/**
	 * @param type an event type
	 * @return the reasons the contract allows in the payload's {@code reason}, empty if
	 * none
	 */
	public static List<String> reasons(String type) {
		List<String> reasons = new ArrayList<>();
		JsonNode node = CATALOG.get("reasons").get(type);
		if (node != null) {
			node.forEach((reason) -> reasons.add(reason.asString()));
		}
		return reasons;
	}

	/**
	 * Checks a produced envelope against the contract: known type on the right topic, the
	 * same fields as the example (no missing, no extra, same JSON kinds), and an allowed
	 * reason.
	 * @param topic the topic the producer wrote to
	 * @param envelopeJson the produced envelope
	 * @throws AssertionError describing every difference
	 */
	public static void assertConforms(String topic, String envelopeJson) {
		JsonNode produced = JSON.readTree(envelopeJson);
		String type = produced.path("type").asString();
		if (!types(topic).contains(type)) {
			throw new AssertionError("Event type '" + type + "' is not in the contract of " + topic);
		}
		JsonNode example = JSON.readTree(example(type));
		List<String> problems = new ArrayList<>();
		compare("", example, produced, problems);
		JsonNode reason = produced.path("payload").path("reason");
		if (!reason.isMissingNode() && !reasons(type).contains(reason.asString())) {
			problems.add("payload.reason '" + reason.asString() + "' is not one of " + reasons(type));
		}
		if (!problems.isEmpty()) {
			throw new AssertionError(type + " does not conform to its contract: " + problems);
		}
	}

	private static void compare(String path, JsonNode expected, JsonNode actual, List<String> problems) {
		if (expected.isNull() || actual.isNull()) {
			return;
		}
		if (expected.isObject() && actual.isObject()) {
			var names = new TreeSet<String>();
			expected.propertyNames().forEach(names::add);
			actual.propertyNames().forEach(names::add);
			for (String name : names) {
				String child = path.isEmpty() ? name : path + "." + name;
				if (!expected.has(name)) {
					problems.add("unexpected field " + child);
				}
				else if (!actual.has(name)) {
					problems.add("missing field " + child);
				}
				else {
					compare(child, expected.get(name), actual.get(name), problems);
				}
			}
		}
		else if (expected.isArray() && actual.isArray()) {
			Iterator<JsonNode> items = actual.iterator();
			if (!expected.isEmpty()) {
				while (items.hasNext()) {
					compare(path + "[]", expected.get(0), items.next(), problems);
				}
			}
		}
		else if (expected.getNodeType() != actual.getNodeType()) {
			problems.add(path + " is " + actual.getNodeType() + " but the contract has " + expected.getNodeType());
		}
	}

	private static JsonNode read(String resource) {
		return JSON.readTree(text(resource));
	}

	private static String text(String resource) {
		try (InputStream in = EventContracts.class.getClassLoader().getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalArgumentException("No contract resource " + resource);
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
