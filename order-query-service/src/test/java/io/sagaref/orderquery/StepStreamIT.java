package io.sagaref.orderquery;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.sagaref.testsupport.ApiReply;
import io.sagaref.testsupport.Problems;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Server-Sent Events of saga steps on real Postgres and Kafka: a finished order replays
 * and closes, a running one streams its steps live as the projection commits them and
 * closes after the terminal one, {@code Last-Event-ID} resumes after a step, and a
 * customer's stream carries all its orders.
 */
class StepStreamIT extends OrderQueryServiceIntegrationTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void replaysAFinishedOrdersStepsAndCloses() throws Exception {
		Saga saga = new Saga();
		send(saga.placed(), saga.paymentCompleted("25.00"), saga.stockReserved(), saga.confirmed());
		awaitView(saga.orderId, hasTimelineOf(4));

		try (SseClient stream = SseClient.open(url("/api/orders/" + saga.orderId + "/stream"), null)) {
			await().atMost(Duration.ofSeconds(30)).until(stream::closed);

			assertThat(stream.status).isEqualTo(200);
			assertThat(stream.contentType).startsWith("text/event-stream");
			assertThat(stream.ids()).containsExactly("1", "2", "3", "4");
			assertThat(stream.events).extracting(SseClient.SseEvent::name)
				.containsExactlyInAnyOrder("OrderPlaced", "PaymentCompleted", "StockReserved", "OrderConfirmed");
			JsonNode last = JSON.readTree(stream.events.getLast().data());
			assertThat(last.path("orderId").asString()).isEqualTo(saga.orderId.toString());
			assertThat(last.path("sequence").asLong()).isEqualTo(4);
			assertThat(last.path("type").asString()).isEqualTo(stream.events.getLast().name());
			assertThat(last.has("at")).isTrue();
			assertThat(last.has("detail")).isTrue();
			JsonNode first = JSON.readTree(stream.events.getFirst().data());
			assertThat(first.path("type").asString()).isEqualTo("OrderPlaced");
			assertThat(first.path("status").asString()).isEqualTo("PENDING");
		}
	}

	@Test
	void streamsARunningOrdersStepsLiveAndClosesAfterTheTerminalOne() throws Exception {
		Saga saga = new Saga();
		send(saga.placed());
		awaitView(saga.orderId, hasTimelineOf(1));

		try (SseClient stream = SseClient.open(url("/api/orders/" + saga.orderId + "/stream"), null)) {
			await().atMost(Duration.ofSeconds(30)).until(() -> stream.events.size() == 1);
			send(saga.paymentCompleted("25.00"));
			await().atMost(Duration.ofSeconds(30)).until(() -> stream.events.size() == 2);
			assertThat(stream.closed()).isFalse();
			send(saga.stockReserved());
			await().atMost(Duration.ofSeconds(30)).until(() -> stream.events.size() == 3);
			send(saga.confirmed());
			await().atMost(Duration.ofSeconds(30)).until(stream::closed);

			assertThat(stream.ids()).containsExactly("1", "2", "3", "4");
			assertThat(stream.events).extracting(SseClient.SseEvent::name)
				.containsExactly("OrderPlaced", "PaymentCompleted", "StockReserved", "OrderConfirmed");
			assertThat(JSON.readTree(stream.events.getLast().data()).path("status").asString()).isEqualTo("CONFIRMED");
		}
	}

	@Test
	void resumesAfterTheLastEventId() throws Exception {
		Saga saga = new Saga();
		send(saga.placed(), saga.paymentCompleted("25.00"));
		awaitView(saga.orderId, hasTimelineOf(2));

		try (SseClient stream = SseClient.open(url("/api/orders/" + saga.orderId + "/stream"), "2")) {
			send(saga.stockReserved(), saga.confirmed());
			await().atMost(Duration.ofSeconds(30)).until(stream::closed);

			assertThat(stream.ids()).containsExactly("3", "4");
		}
		try (SseClient finished = SseClient.open(url("/api/orders/" + saga.orderId + "/stream"), "4")) {
			await().atMost(Duration.ofSeconds(30)).until(finished::closed);

			assertThat(finished.status).isEqualTo(200);
			assertThat(finished.events).isEmpty();
		}
	}

	@Test
	void answersNotFoundAsProblemForAnUnknownOrder() throws Exception {
		UUID unknown = UUID.randomUUID();

		ApiReply reply = this.api.get("/api/orders/" + unknown + "/stream");
		var streaming = java.net.http.HttpClient.newHttpClient()
			.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url("/api/orders/" + unknown + "/stream")))
				.header("Accept", "text/event-stream")
				.build(), java.net.http.HttpResponse.BodyHandlers.ofString());

		Problems.assertProblem(reply, 404, "The read model has no order " + unknown + " (yet)");
		Problems.assertProblem(streaming.statusCode(), streaming.headers().firstValue("Content-Type").orElse(""),
				streaming.body(), 404, "The read model has no order " + unknown + " (yet)");
	}

	@Test
	void answersBadRequestForALastEventIdOfAnotherStream() throws Exception {
		Saga saga = new Saga();
		send(saga.placed());
		awaitView(saga.orderId, hasTimelineOf(1));

		try (SseClient stream = SseClient.open(url("/api/orders/" + saga.orderId + "/stream"), "not-a-step")) {
			assertThat(stream.status).isEqualTo(400);
		}
	}

	@Test
	void streamsEveryOrderOfACustomerAndResumesAcrossThem() throws Exception {
		UUID customer = UUID.randomUUID();
		Saga first = new Saga(customer, java.time.Instant.now());
		Saga second = new Saga(customer, java.time.Instant.now().plusSeconds(1));
		Saga someoneElses = new Saga();
		send(first.placed(), first.paymentCompleted("25.00"));
		awaitView(first.orderId, hasTimelineOf(2));

		List<String> seen;
		try (SseClient stream = SseClient.open(url("/api/customers/" + customer + "/stream"), null)) {
			await().atMost(Duration.ofSeconds(30)).until(() -> stream.events.size() == 2);
			send(second.placed(), someoneElses.placed());
			await().atMost(Duration.ofSeconds(30)).until(() -> stream.events.size() == 3);
			awaitView(someoneElses.orderId, hasTimelineOf(1));
			assertThat(stream.closed()).as("a customer stream stays open").isFalse();
			seen = stream.ids();
		}
		assertThat(seen).containsExactly(first.orderId + ":1", first.orderId + ":2", second.orderId + ":1");

		send(first.stockReserved(), second.paymentCompleted("25.00"));
		awaitView(second.orderId, hasTimelineOf(2));
		awaitView(first.orderId, hasTimelineOf(3));
		try (SseClient resumed = SseClient.open(url("/api/customers/" + customer + "/stream"), seen.getLast())) {
			await().atMost(Duration.ofSeconds(30))
				.until(() -> resumed.ids().contains(second.orderId + ":2")
						&& resumed.ids().contains(first.orderId + ":3"));

			assertThat(resumed.ids()).doesNotContain(second.orderId + ":1").doesNotHaveDuplicates();
			assertThat(resumed.ids()).allMatch((id) -> !id.startsWith(someoneElses.orderId.toString()));
		}
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
