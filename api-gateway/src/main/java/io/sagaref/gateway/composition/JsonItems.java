package io.sagaref.gateway.composition;

import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Reads the items of a list answer, whether the backend sends a bare JSON array or a page
 * object with a {@code content} array.
 */
final class JsonItems {

	private JsonItems() {
	}

	/**
	 * The items of a list answer.
	 * @param body the answer
	 * @return its items, or {@code null} if the answer is not a list
	 */
	static @Nullable List<JsonNode> of(@Nullable JsonNode body) {
		if (body == null) {
			return null;
		}
		JsonNode list = body.isObject() ? body.path("content") : body;
		return list.isArray() ? List.copyOf(list.values()) : null;
	}

}
