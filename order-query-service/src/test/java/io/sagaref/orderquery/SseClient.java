package io.sagaref.orderquery;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.jspecify.annotations.Nullable;

/**
 * A Server-Sent Events client for tests: reads a stream on a virtual thread as it
 * arrives, collecting its events, and says when the server closed it.
 */
final class SseClient implements AutoCloseable {

	final List<SseEvent> events = new CopyOnWriteArrayList<>();

	final int status;

	final @Nullable String contentType;

	private final InputStream body;

	private volatile boolean closed;

	private SseClient(HttpResponse<InputStream> response) {
		this.status = response.statusCode();
		this.contentType = response.headers().firstValue("Content-Type").orElse(null);
		this.body = response.body();
		Thread.ofVirtual().start(this::read);
	}

	static SseClient open(String url, @Nullable String lastEventId) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/event-stream");
		if (lastEventId != null) {
			request.header("Last-Event-ID", lastEventId);
		}
		HttpClient client = HttpClient.newHttpClient();
		return new SseClient(client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream()));
	}

	boolean closed() {
		return this.closed;
	}

	List<String> ids() {
		return this.events.stream().map(SseEvent::id).toList();
	}

	private void read() {
		try (var reader = new BufferedReader(new InputStreamReader(this.body, StandardCharsets.UTF_8))) {
			String id = null;
			String name = null;
			StringBuilder data = new StringBuilder();
			String line;
			while ((line = reader.readLine()) != null) {
				if (line.isEmpty()) {
					if (!data.isEmpty()) {
						this.events.add(new SseEvent(id, name, data.toString()));
					}
					id = null;
					name = null;
					data.setLength(0);
				}
				else if (line.startsWith("id:")) {
					id = line.substring(3).strip();
				}
				else if (line.startsWith("event:")) {
					name = line.substring(6).strip();
				}
				else if (line.startsWith("data:")) {
					data.append(line.substring(5).strip());
				}
			}
		}
		catch (IOException ex) {
			// closed by the test
		}
		finally {
			this.closed = true;
		}
	}

	@Override
	public void close() throws IOException {
		this.body.close();
	}

	record SseEvent(@Nullable String id, @Nullable String name, String data) {
	}

}
