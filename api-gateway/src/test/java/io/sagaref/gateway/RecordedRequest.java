package io.sagaref.gateway;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A request as a stub backend received it, to prove what the gateway forwarded.
 *
 * @param method the HTTP method
 * @param path the raw path
 * @param query the raw query, or {@code null}
 * @param headers the headers, names in lower case
 * @param body the body as text
 */
public record RecordedRequest(String method, String path, @Nullable String query, Map<String, List<String>> headers,
		String body) {

	public @Nullable String header(String name) {
		List<String> values = this.headers.get(name.toLowerCase());
		return (values != null && !values.isEmpty()) ? values.get(0) : null;
	}

}
