package io.sagaref.orderquery;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The push WebSocket on real Postgres and Kafka: a subscription to an order gets its
 * stored and live steps as JSON text frames, one to a customer gets all of its orders',
 * and a bad subscription is answered with an error frame on a connection that stays open.
 */
class StepWebSocketIT extends OrderQueryServiceIntegrationTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void sendsEveryStepOfAnOrderAndOfACustomersOrders() throws Exception {
		Saga saga = new Saga();
		send(saga.placed());
		awaitView(saga.orderId, hasTimelineOf(1));
		Frames frames = new Frames();
		WebSocket socket = connect(frames);

		socket.sendText("{\"subscribe\":\"order\",\"id\":\"" + saga.orderId + "\"}", true).join();
		socket.sendText("{\"subscribe\":\"customer\",\"id\":\"" + saga.customerId + "\"}", true).join();
		await().atMost(Duration.ofSeconds(30)).until(() -> frames.received.size() == 2);
		send(saga.paymentCompleted("25.00"));
		await().atMost(Duration.ofSeconds(30)).until(() -> frames.received.size() == 4);
		send(saga.stockReserved());
		send(saga.confirmed());
		await().atMost(Duration.ofSeconds(30)).until(() -> frames.received.size() == 8);

		List<JsonNode> steps = frames.json();
		assertThat(steps)
			.allSatisfy((step) -> assertThat(step.path("orderId").asString()).isEqualTo(saga.orderId.toString()));
		assertThat(steps).extracting((step) -> step.path("sequence").asLong())
			.containsExactlyInAnyOrder(1L, 1L, 2L, 2L, 3L, 3L, 4L, 4L);
		assertThat(steps).extracting((step) -> step.path("type").asString())
			.contains("OrderPlaced", "PaymentCompleted", "StockReserved", "OrderConfirmed");
		socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").join();
	}

	@Test
	void answersABadSubscriptionWithAnErrorFrameAndKeepsTheConnection() throws Exception {
		Saga saga = new Saga();
		send(saga.placed());
		awaitView(saga.orderId, hasTimelineOf(1));
		Frames frames = new Frames();
		WebSocket socket = connect(frames);

		socket.sendText("not json", true).join();
		socket.sendText("{\"subscribe\":\"everything\",\"id\":\"" + saga.orderId + "\"}", true).join();
		socket.sendText("{\"subscribe\":\"order\",\"id\":\"42\"}", true).join();
		socket.sendText("{\"subscribe\":\"order\",\"id\":\"" + UUID.randomUUID() + "\"}", true).join();
		socket.sendText("{\"subscribe\":\"order\",\"id\":\"" + saga.orderId + "\"}", true).join();
		await().atMost(Duration.ofSeconds(30)).until(() -> frames.received.size() == 5);

		List<JsonNode> answers = frames.json();
		assertThat(answers.subList(0, 4)).extracting((answer) -> answer.path("error").asString())
			.containsExactly("bad-request", "bad-request", "bad-request", "not-found");
		assertThat(answers.get(1).path("detail").asString()).contains("'subscribe' must be");
		assertThat(answers.get(4).path("type").asString()).isEqualTo("OrderPlaced");
		assertThat(frames.closed).isFalse();
		socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").join();
	}

	private WebSocket connect(Frames frames) {
		return HttpClient.newHttpClient()
			.newWebSocketBuilder()
			.buildAsync(URI.create("ws://localhost:" + this.port + "/ws"), frames)
			.join();
	}

	/** Collects the text frames a socket receives. */
	static final class Frames implements WebSocket.Listener {

		final List<String> received = new CopyOnWriteArrayList<>();

		private final StringBuilder partial = new StringBuilder();

		volatile boolean closed;

		@Override
		public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
			this.partial.append(data);
			if (last) {
				this.received.add(this.partial.toString());
				this.partial.setLength(0);
			}
			socket.request(1);
			return null;
		}

		@Override
		public CompletionStage<?> onClose(WebSocket socket, int statusCode, String reason) {
			this.closed = true;
			return null;
		}

		List<JsonNode> json() {
			return this.received.stream().map(JSON::readTree).toList();
		}

	}

}
