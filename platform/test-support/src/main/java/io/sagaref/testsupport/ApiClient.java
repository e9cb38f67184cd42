package io.sagaref.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.Map;

/**
 * Calls a service's HTTP API the way an outside client does, and never throws on a
 * status: every answer, 4xx and 5xx included, comes back as an {@link ApiReply} for the
 * test to assert on. Redirects are not followed, so a test sees a 303 as it is.
 */
public final class ApiClient {

	private static final Duration TIMEOUT = Duration.ofSeconds(60);

	private final HttpClient http = HttpClient.newBuilder()
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private final String baseUrl;

	private ApiClient(String baseUrl) {
		this.baseUrl = baseUrl;
	}

	/**
	 * @param baseUrl e.g. {@code http://localhost:8080}
	 * @return a client of that server
	 */
	public static ApiClient of(String baseUrl) {
		return new ApiClient(baseUrl);
	}

	/**
	 * @param port the port of a server on this machine
	 * @return a client of {@code http://localhost:<port>}
	 */
	public static ApiClient onPort(int port) {
		return of("http://localhost:" + port);
	}

	public ApiReply get(String path) {
		return get(path, Map.of());
	}

	public ApiReply get(String path, Map<String, String> headers) {
		return send(request(path, headers).GET());
	}

	public ApiReply post(String path, String json) {
		return post(path, json, Map.of());
	}

	public ApiReply post(String path, String json, Map<String, String> headers) {
		return send(withJson(request(path, headers), json).POST(BodyPublishers.ofString(json)));
	}

	public ApiReply put(String path, String json) {
		return send(withJson(request(path, Map.of()), json).PUT(BodyPublishers.ofString(json)));
	}

	public ApiReply delete(String path) {
		return send(request(path, Map.of()).DELETE());
	}

	private HttpRequest.Builder request(String path, Map<String, String> headers) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(this.baseUrl + path)).timeout(TIMEOUT);
		headers.forEach(builder::header);
		return builder;
	}

	private static HttpRequest.Builder withJson(HttpRequest.Builder builder, String json) {
		return builder.header("Content-Type", "application/json");
	}

	private ApiReply send(HttpRequest.Builder request) {
		try {
			var response = this.http.send(request.build(), BodyHandlers.ofString());
			return new ApiReply(response.statusCode(), response.headers().map(), response.body());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for an answer", ex);
		}
	}

}
