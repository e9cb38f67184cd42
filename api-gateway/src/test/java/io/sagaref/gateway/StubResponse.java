package io.sagaref.gateway;

import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What a stub backend answers.
 *
 * @param status the status code
 * @param headers the headers
 * @param body the body, empty for none
 * @param stream when not {@code null}, writes the body instead, in chunks, as the test
 * decides (to play a streaming answer)
 */
public record StubResponse(int status, Map<String, String> headers, String body, @Nullable Stream stream) {

	public static StubResponse json(int status, String body) {
		return new StubResponse(status, Map.of("Content-Type", "application/json"), body, null);
	}

	public static StubResponse problem(int status, String detail) {
		return new StubResponse(status, Map.of("Content-Type", "application/problem+json"),
				"{\"status\":" + status + ",\"title\":\"Conflict\",\"detail\":\"" + detail + "\"}", null);
	}

	public static StubResponse empty(int status) {
		return new StubResponse(status, Map.of(), "", null);
	}

	/**
	 * A chunked answer whose body the test writes and flushes piece by piece.
	 * @param status the status code
	 * @param contentType its content type
	 * @param stream writes the body
	 * @return the answer
	 */
	public static StubResponse streamed(int status, String contentType, Stream stream) {
		return new StubResponse(status, Map.of("Content-Type", contentType), "", stream);
	}

	public StubResponse withHeader(String name, String value) {
		Map<String, String> headers = new LinkedHashMap<>(this.headers);
		headers.put(name, value);
		return new StubResponse(this.status, headers, this.body, this.stream);
	}

	/** Writes a streamed body; each {@code flush} sends what was written so far. */
	@FunctionalInterface
	public interface Stream {

		void writeTo(OutputStream body) throws IOException;

	}

}
