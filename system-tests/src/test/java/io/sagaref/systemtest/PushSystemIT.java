package io.sagaref.systemtest;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

import io.sagaref.localstack.ServiceProcess;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Push through the gateway on the whole running system: an SSE client sees a saga's first
 * steps while the saga is still running (inventory-service is stopped, so it waits after
 * the payment), the rest once it continues, and the stream closes after the terminal
 * step; reconnecting with {@code Last-Event-ID} gets only the later steps; a WebSocket
 * client sees every step of a saga.
 */
class PushSystemIT extends WholeSystemTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Duration RESTART = Duration.ofSeconds(180);

	@BeforeEach
	void inventoryRuns() {
		ServiceProcess inventory = stack.service("inventory-service");
		if (!inventory.isRunning()) {
			inventory.start();
		}
	}

	@Test
	void anSseClientSeesTheFirstStepsWhileTheSagaRunsAndResumesAfterTheLastEventId() throws Exception {
		String sku = newSku();
		api.createProduct(sku, "12.50", 10);
		String customer = api.createCustomer("Sse", "100.00");
		ServiceProcess inventory = stack.service("inventory-service");
		inventory.stop();
		String orderId = api.placeOrder(customer, sku, 2).json().path("orderId").asString();
		String url = stack.gatewayUrl() + "/api/orders/" + orderId + "/stream";

		SseStream stream = await().atMost(Duration.ofSeconds(30))
			.until(() -> SseStream.open(url, null), (opened) -> opened.status == 200);
		await().atMost(Duration.ofSeconds(60))
			.until(() -> stream.types().containsAll(List.of("OrderPlaced", "PaymentCompleted")));
		assertThat(api.get("/api/orders/" + orderId + "/status").json().path("status").asString())
			.as("the saga still runs while the first steps have arrived")
			.isEqualTo("PENDING");
		assertThat(stream.closed()).isFalse();
		assertThat(stream.types()).doesNotContain("OrderConfirmed");
		String lastSeen = stream.events.getLast().id();

		inventory.start();
		await().atMost(RESTART).until(stream::closed);

		assertThat(stream.types()).contains("OrderPlaced", "PaymentCompleted", "StockReserved", "OrderConfirmed");
		List<Long> ids = stream.ids().stream().map(Long::parseLong).toList();
		assertThat(ids).isSorted().doesNotHaveDuplicates();
		try (SseStream resumed = SseStream.open(url, lastSeen)) {
			await().atMost(Duration.ofSeconds(30)).until(resumed::closed);

			assertThat(resumed.ids())
				.isEqualTo(stream.ids().subList(stream.ids().indexOf(lastSeen) + 1, stream.ids().size()));
			assertThat(resumed.types()).contains("StockReserved", "OrderConfirmed")
				.doesNotContain("OrderPlaced", "PaymentCompleted");
		}
		stream.close();
	}

	@Test
	void aWebSocketClientSeesEveryStepOfASaga() {
		String sku = newSku();
		api.createProduct(sku, "12.50", 10);
		String customer = api.createCustomer("Ws", "100.00");
		Frames frames = new Frames();
		String ws = stack.gatewayUrl().replaceFirst("^http", "ws") + "/ws";
		WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(URI.create(ws), frames).join();
		socket.sendText("{\"subscribe\":\"customer\",\"id\":\"" + customer + "\"}", true).join();

		String orderId = api.placeOrder(customer, sku, 2).json().path("orderId").asString();

		await().atMost(Duration.ofSeconds(60))
			.until(() -> frames.types()
				.containsAll(List.of("OrderPlaced", "PaymentCompleted", "StockReserved", "OrderConfirmed")));
		List<JsonNode> steps = frames.json();
		assertThat(steps).allSatisfy((step) -> assertThat(step.path("orderId").asString()).isEqualTo(orderId));
		assertThat(steps).extracting((step) -> step.path("sequence").asLong()).containsExactly(1L, 2L, 3L, 4L);
		assertThat(steps.getLast().path("status").asString()).isIn("CONFIRMED", "PENDING");
		socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").join();
	}

	/** Collects the text frames a socket receives. */
	private static final class Frames implements WebSocket.Listener {

		private final List<String> received = new CopyOnWriteArrayList<>();

		private final StringBuilder partial = new StringBuilder();

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

		List<JsonNode> json() {
			return this.received.stream().map(JSON::readTree).toList();
		}

		List<String> types() {
			return json().stream().map((step) -> step.path("type").asString()).toList();
		}

	}

}
