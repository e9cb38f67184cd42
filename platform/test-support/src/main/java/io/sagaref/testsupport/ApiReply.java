package io.sagaref.testsupport;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An HTTP answer as a test sees it: status, headers (names case-insensitive) and body.
 * JSON is read with decimals kept exact, as money must be.
 *
 * @param status the status code
 * @param headers the headers, each with its values
 * @param body the body as text, empty if there was none
 */
public record ApiReply(int status, Map<String, List<String>> headers, String body) {

	private static final JsonMapper JSON = JsonMapper.builder()
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.build();

	public ApiReply {
		Map<String, List<String>> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		byName.putAll(headers);
		headers = java.util.Collections.unmodifiableMap(byName);
	}

	/**
	 * @return the body as JSON, an empty object if there was no body
	 */
	public JsonNode json() {
		return JSON.readTree(this.body.isBlank() ? "{}" : this.body);
	}

	/**
	 * @param name a header name, in any case
	 * @return its first value, or null if absent
	 */
	public @Nullable String header(String name) {
		List<String> values = this.headers.get(name);
		return (values == null || values.isEmpty()) ? null : values.get(0);
	}

	/**
	 * @return the media type without parameters, lower case, or "" if there is none
	 */
	public String contentType() {
		String value = header("Content-Type");
		return (value != null) ? value.split(";")[0].trim().toLowerCase(Locale.ROOT) : "";
	}

	public @Nullable String location() {
		return header("Location");
	}

	/**
	 * @return whether the body is an RFC 9457 problem document
	 */
	public boolean isProblem() {
		return contentType().equals(Problems.MEDIA_TYPE);
	}

	/**
	 * @return the problem's {@code detail}, or "" if there is none
	 */
	public String detail() {
		return json().path("detail").asString("");
	}

}
