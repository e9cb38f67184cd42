package io.sagaref.gateway.strangler;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Compares the old system's answer with the new side's the way a client would see them:
 * the status first; with equal statuses, the JSON bodies value by value (numbers by
 * value, so {@code 12.5} equals {@code 12.50}; object members in any order; array items
 * by position). Bodies that are not JSON must be byte for byte equal.
 */
final class AnswerComparison {

	private static final JsonMapper JSON = JsonMapper.builder()
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.build();

	private AnswerComparison() {
	}

	/**
	 * @param legacy the old system's answer
	 * @param newer the new side's answer
	 * @return where they differ, empty if they match
	 */
	static List<Difference> differences(Answer legacy, Answer newer) {
		if (legacy.status() != newer.status()) {
			return List.of(new Difference("status", String.valueOf(legacy.status()), String.valueOf(newer.status())));
		}
		JsonNode legacyJson = parse(legacy.body());
		JsonNode newJson = parse(newer.body());
		if (legacyJson == null || newJson == null) {
			return Arrays.equals(legacy.body(), newer.body()) ? List.of()
					: List.of(new Difference("", describe(legacyJson, legacy.body()), describe(newJson, newer.body())));
		}
		List<Difference> differences = new ArrayList<>();
		compare("", legacyJson, newJson, differences);
		return differences;
	}

	private static void compare(String pointer, @Nullable JsonNode legacy, @Nullable JsonNode newer,
			List<Difference> differences) {
		if (legacy == null || newer == null) {
			differences.add(new Difference(pointer, text(legacy), text(newer)));
		}
		else if (legacy.isObject() && newer.isObject()) {
			Set<String> names = new LinkedHashSet<>(legacy.propertyNames());
			names.addAll(newer.propertyNames());
			for (String name : names) {
				compare(pointer + "/" + escape(name), legacy.get(name), newer.get(name), differences);
			}
		}
		else if (legacy.isArray() && newer.isArray()) {
			for (int i = 0; i < Math.max(legacy.size(), newer.size()); i++) {
				compare(pointer + "/" + i, legacy.get(i), newer.get(i), differences);
			}
		}
		else if (!same(legacy, newer)) {
			differences.add(new Difference(pointer, text(legacy), text(newer)));
		}
	}

	private static boolean same(JsonNode legacy, JsonNode newer) {
		if (legacy.isNumber() && newer.isNumber()) {
			return legacy.decimalValue().compareTo(newer.decimalValue()) == 0;
		}
		return legacy.equals(newer);
	}

	private static String escape(String name) {
		return name.replace("~", "~0").replace("/", "~1");
	}

	private static String text(@Nullable JsonNode value) {
		return (value != null) ? value.toString() : Difference.ABSENT;
	}

	private static String describe(@Nullable JsonNode json, byte[] body) {
		if (json != null) {
			return json.toString();
		}
		return (body.length == 0) ? Difference.ABSENT : "(" + body.length + " bytes, not JSON)";
	}

	private static @Nullable JsonNode parse(byte[] body) {
		if (body.length == 0) {
			return null;
		}
		try {
			return JSON.readTree(body);
		}
		catch (JacksonException ex) {
			return null;
		}
	}

}
