package io.sagaref.gateway;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.jspecify.annotations.Nullable;

/**
 * A real HTTP server standing in for one service: records every request and answers with
 * whatever the running test asks for. Handlers may block (each request has its own
 * virtual thread), and the server can be stopped and started again on the same port to
 * play a backend that is down.
 */
public final class StubBackend {

	private final String name;

	private final BlockingQueue<RecordedRequest> requests = new LinkedBlockingQueue<>();

	private volatile Function<RecordedRequest, StubResponse> responder = StubBackend::unprepared;

	private HttpServer server;

	private final int port;

	StubBackend(String name) {
		this.name = name;
		this.server = listen(0);
		this.port = this.server.getAddress().getPort();
	}

	public String url() {
		return "http://127.0.0.1:" + this.port;
	}

	public void respond(Function<RecordedRequest, StubResponse> responder) {
		this.responder = responder;
	}

	/** The next request received, waiting a little for it. */
	public RecordedRequest takeRequest() throws InterruptedException {
		RecordedRequest request = this.requests.poll(10, TimeUnit.SECONDS);
		if (request == null) {
			throw new AssertionError(this.name + " received no request");
		}
		return request;
	}

	public List<RecordedRequest> receivedRequests() {
		return List.copyOf(this.requests);
	}

	public synchronized void stop() {
		this.server.stop(0);
	}

	public synchronized void start() {
		this.server = listen(this.port);
	}

	void reset() {
		this.requests.clear();
		this.responder = StubBackend::unprepared;
	}

	private HttpServer listen(int port) {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
			server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
			server.createContext("/", this::handle);
			server.start();
			return server;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			Map<String, List<String>> headers = new LinkedHashMap<>();
			exchange.getRequestHeaders().forEach((key, values) -> headers.put(key.toLowerCase(), List.copyOf(values)));
			String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			RecordedRequest request = new RecordedRequest(exchange.getRequestMethod(),
					exchange.getRequestURI().getRawPath(), exchange.getRequestURI().getRawQuery(), headers, body);
			this.requests.add(request);
			StubResponse response = this.responder.apply(request);
			response.headers().forEach((key, value) -> exchange.getResponseHeaders().add(key, value));
			StubResponse.Stream stream = response.stream();
			if (stream != null) {
				exchange.sendResponseHeaders(response.status(), 0);
				try (OutputStream out = exchange.getResponseBody()) {
					stream.writeTo(out);
				}
				return;
			}
			byte[] bytes = response.body().getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(response.status(), (bytes.length > 0) ? bytes.length : -1);
			if (bytes.length > 0) {
				try (OutputStream out = exchange.getResponseBody()) {
					out.write(bytes);
				}
			}
		}
	}

	private static StubResponse unprepared(@Nullable RecordedRequest request) {
		return StubResponse.json(500, "{\"error\":\"stub not prepared for this test\"}");
	}

	@Override
	public String toString() {
		return this.name + " stub at " + url();
	}

}
