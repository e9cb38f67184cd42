package io.sagaref.systemtest;

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
 * A Server-Sent Events client: reads a stream on a virtual thread as it arrives,
 * collecting its events, and says when the server closed it.
 */
final class SseStream implements AutoCloseable {

	final List<Event> events = new CopyOnWriteArrayList<>();

	final int status;

	private final InputStream body;

	private volatile boolean closed;

	private SseStream(HttpResponse<InputStream> response) {
		this.status = response.statusCode();
		this.body = response.body();
		Thread.ofVirtual().start(this::read);
	}

	static SseStream open(String url, @Nullable String lastEventId) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/event-stream");
		if (lastEventId != null) {
			request.header("Last-Event-ID", lastEventId);
		}
		try {
			return new SseStream(
					HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofInputStream()));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	boolean closed() {
		return this.closed;
	}

	List<String> ids() {
		return this.events.stream().map(Event::id).toList();
	}

	List<String> types() {
		return this.events.stream().map(Event::type).toList();
	}

	private void read() {
		try (var reader = new BufferedReader(new InputStreamReader(this.body, StandardCharsets.UTF_8))) {
			String id = null;
			String type = null;
			StringBuilder data = new StringBuilder();
			String line;
			while ((line = reader.readLine()) != null) {
				if (line.isEmpty()) {
					if (!data.isEmpty()) {
						this.events.add(new Event(id, type, data.toString()));
					}
					id = null;
					type = null;
					data.setLength(0);
				}
				else if (line.startsWith("id:")) {
					id = line.substring(3).strip();
				}
				else if (line.startsWith("event:")) {
					type = line.substring(6).strip();
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

	/**
	 * One event.
	 *
	 * @param id its id
	 * @param type its type
	 * @param data its data
	 */
	record Event(@Nullable String id, @Nullable String type, String data) {
	}

}
