package io.sagaref.gateway;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a stub backend answers.
 *
 * @param status the status code
 * @param headers the headers
 * @param body the body, empty for none
 */
public record StubResponse(int status, Map<String, String> headers, String body) {

	public static StubResponse json(int status, String body) {
		return new StubResponse(status, Map.of("Content-Type", "application/json"), body);
	}

	public static StubResponse problem(int status, String detail) {
		return new StubResponse(status, Map.of("Content-Type", "application/problem+json"),
				"{\"status\":" + status + ",\"title\":\"Conflict\",\"detail\":\"" + detail + "\"}");
	}

	public static StubResponse empty(int status) {
		return new StubResponse(status, Map.of(), "");
	}

	public StubResponse withHeader(String name, String value) {
		Map<String, String> headers = new LinkedHashMap<>(this.headers);
		headers.put(name, value);
		return new StubResponse(this.status, headers, this.body);
	}

}
