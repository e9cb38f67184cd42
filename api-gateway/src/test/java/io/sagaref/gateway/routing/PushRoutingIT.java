package io.sagaref.gateway.routing;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

import io.sagaref.gateway.GatewayIntegrationTest;
import io.sagaref.gateway.RecordedRequest;
import io.sagaref.gateway.StubResponse;

import static io.sagaref.gateway.StubBackends.ORDER_QUERY_SERVICE;
import static io.sagaref.gateway.StubBackends.PAYMENT_SERVICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The push streams through the gateway: both SSE paths reach order-query-service (the
 * customer stream is not caught by the customers route), an event reaches the client
 * while the backend is still in the middle of its answer (no buffering), and a stream
 * lives longer than the per-route response timeout of ordinary requests.
 */
class PushRoutingIT extends GatewayIntegrationTest {

	private static final String ID = "3f2a1c9e-5b7d-4e21-9a0f-6c1d2e3f4a5b";

	@Test
	void routesBothStreamsToTheReadModelWithLastEventId() throws Exception {
		ORDER_QUERY_SERVICE.respond((request) -> StubResponse.streamed(200, "text/event-stream",
				(body) -> body.write("id: 1\nevent: OrderPlaced\ndata: {}\n\n".getBytes(StandardCharsets.UTF_8))));
		HttpClient http = HttpClient.newHttpClient();

		for (String path : List.of("/api/orders/" + ID + "/stream", "/api/customers/" + ID + "/stream")) {
			HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(this.gateway + path))
				.header("Accept", "text/event-stream")
				.header("Last-Event-ID", "7")
				.build(), BodyHandlers.ofString());

			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(response.headers().firstValue("Content-Type"))
				.hasValueSatisfying((type) -> assertThat(type).startsWith("text/event-stream"));
			assertThat(response.body()).contains("event: OrderPlaced");
			RecordedRequest received = ORDER_QUERY_SERVICE.takeRequest();
			assertThat(received.path()).isEqualTo(path);
			assertThat(received.header("Last-Event-ID")).isEqualTo("7");
		}
		assertThat(PAYMENT_SERVICE.receivedRequests()).isEmpty();
	}

	/**
	 * The stub sends the first event, then holds its answer open until the client has
	 * that event, and past the response timeout of ordinary routes, before it sends the
	 * second: a gateway that buffered the stream would hand the client nothing, and one
	 * that timed it out would cut it.
	 */
	@Test
	void deliversEachEventAsItIsSentAndOutlivesTheResponseTimeout() throws Exception {
		CountDownLatch release = new CountDownLatch(1);
		AtomicBoolean secondWritten = new AtomicBoolean();
		ORDER_QUERY_SERVICE.respond((request) -> StubResponse.streamed(200, "text/event-stream", (body) -> {
			body.write("id: 1\nevent: OrderPlaced\ndata: {\"sequence\":1}\n\n".getBytes(StandardCharsets.UTF_8));
			body.flush();
			try {
				release.await(SLOW.toSeconds() * 2, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			secondWritten.set(true);
			body.write("id: 2\nevent: PaymentCompleted\ndata: {\"sequence\":2}\n\n".getBytes(StandardCharsets.UTF_8));
		}));
		HttpResponse<InputStream> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(this.gateway + "/api/orders/" + ID + "/stream"))
				.header("Accept", "text/event-stream")
				.build(), BodyHandlers.ofInputStream());
		List<String> lines = new CopyOnWriteArrayList<>();
		AtomicBoolean ended = new AtomicBoolean();
		Thread.ofVirtual().start(() -> {
			try (var reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
				reader.lines().forEach(lines::add);
			}
			catch (Exception ex) {
				lines.add("failed: " + ex);
			}
			finally {
				ended.set(true);
			}
		});

		await().atMost(Duration.ofSeconds(10)).until(() -> lines.contains("event: OrderPlaced"));
		assertThat(secondWritten).as("the first event arrived while the backend was still answering").isFalse();
		await().during(RESPONSE_TIMEOUT.plusSeconds(1))
			.atMost(RESPONSE_TIMEOUT.plusSeconds(5))
			.until(() -> !ended.get());
		release.countDown();
		await().atMost(Duration.ofSeconds(10)).until(ended::get);

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(lines).containsSubsequence("id: 1", "event: OrderPlaced", "id: 2", "event: PaymentCompleted");
	}

}
