package io.sagaref.order.web;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import io.sagaref.order.OrderServiceIntegrationTest;
import io.sagaref.testsupport.ApiReply;
import org.junit.jupiter.api.Test;

import static io.sagaref.testsupport.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class OrderStatusIT extends OrderServiceIntegrationTest {

	@Test
	void answersPendingUntilTheSagaEndsThenRedirectsToTheOrder() {
		UUID orderId = placedOrder();

		ApiReply pending = this.api.get("/api/orders/" + orderId + "/status");
		assertThat(pending.status()).isEqualTo(200);
		assertThat(pending.json().path("orderId").asString()).isEqualTo(orderId.toString());
		assertThat(pending.json().path("status").asString()).isEqualTo("PENDING");

		deliver(sagaEvent("StockReserved", orderId));

		ApiReply ended = await().atMost(Duration.ofSeconds(30))
			.until(() -> this.api.get("/api/orders/" + orderId + "/status"), (reply) -> reply.status() != 200);
		assertThat(ended.status()).isEqualTo(303);
		assertThat(ended.location()).isEqualTo("/api/orders/" + orderId);
		assertThat(ended.json().path("orderId").asString()).isEqualTo(orderId.toString());
		assertThat(ended.json().path("status").asString()).isEqualTo("CONFIRMED");
	}

	@Test
	void longPollReturnsAsSoonAsTheStatusChanges() throws Exception {
		UUID orderId = placedOrder();
		try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
			CompletableFuture<ApiReply> poll = CompletableFuture
				.supplyAsync(() -> this.api.get("/api/orders/" + orderId + "/status?waitSeconds=25"), executor);
			await().pollDelay(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> !poll.isDone());

			long sent = System.nanoTime();
			deliver(sagaEvent("PaymentDeclined", orderId));
			ApiReply reply = poll.get(20, TimeUnit.SECONDS);

			assertThat(Duration.ofNanos(System.nanoTime() - sent)).isLessThan(Duration.ofSeconds(5));
			assertThat(reply.status()).isEqualTo(303);
			assertThat(reply.json().path("status").asString()).isEqualTo("REJECTED");
		}
	}

	@Test
	void longPollAnswersPendingWhenTheTimeIsUp() {
		UUID orderId = placedOrder();
		long start = System.nanoTime();

		ApiReply reply = this.api.get("/api/orders/" + orderId + "/status?waitSeconds=1");

		assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(900));
		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.json().path("status").asString()).isEqualTo("PENDING");
	}

	@Test
	void longPollOfAnEndedOrderAnswersAtOnce() {
		UUID orderId = placedOrder();
		this.api.post("/api/orders/" + orderId + "/cancel", "");
		long start = System.nanoTime();

		ApiReply reply = this.api.get("/api/orders/" + orderId + "/status?waitSeconds=30");

		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
		assertThat(reply.status()).isEqualTo(303);
		assertThat(reply.json().path("status").asString()).isEqualTo("CANCELLED");
	}

	@Test
	void answers404ForAnUnknownOrder() {
		UUID unknown = UUID.randomUUID();

		assertProblem(this.api.get("/api/orders/" + unknown + "/status"), 404, unknown.toString());
		assertProblem(this.api.get("/api/orders/" + unknown + "/status?waitSeconds=5"), 404, unknown.toString());
	}

}
