package io.sagaref.systemtest;

import java.net.http.HttpHeaders;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One HTTP answer, with its body parsed on demand.
 *
 * @param status the status code
 * @param headers the response headers
 * @param body the body text
 */
public record HttpResult(int status, HttpHeaders headers, String body) {

	private static final JsonMapper JSON = JsonMapper.builder()
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.build();

	public JsonNode json() {
		return JSON.readTree(this.body);
	}

	public String location() {
		return this.headers.firstValue("Location").orElse("");
	}

	public String contentType() {
		return this.headers.firstValue("Content-Type").orElse("");
	}

	@Override
	public String toString() {
		return this.status + " " + this.body;
	}

}
