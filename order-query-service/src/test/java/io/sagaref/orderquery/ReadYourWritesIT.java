package io.sagaref.orderquery;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import io.sagaref.testsupport.ApiReply;
import io.sagaref.testsupport.Problems;
import io.sagaref.web.ReadToken;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Read-your-writes: a query given the Read-Token of an order-service command waits until
 * the view holds that write, and answers 503 if it does not arrive in time.
 */
class ReadYourWritesIT extends OrderQueryServiceIntegrationTest {

	@Test
	void waitsForTheWriteOfTheTokenAndThenAnswersWithIt() {
		Saga saga = new Saga();
		send(saga.placed());
		awaitView(saga.orderId, hasTimelineOf(1));
		String confirmedToken = token("order-service", saga.orderId, 2);

		CompletableFuture<ApiReply> single = CompletableFuture
			.supplyAsync(() -> this.api.get("/api/orders/" + saga.orderId + "?readToken=" + confirmedToken));
		CompletableFuture<ApiReply> page = CompletableFuture.supplyAsync(
				() -> this.api.get("/api/orders?customerId=" + saga.customerId + "&readToken=" + confirmedToken));
		await().during(Duration.ofMillis(500))
			.atMost(Duration.ofSeconds(2))
			.until(() -> !single.isDone() && !page.isDone());
		send(saga.confirmed());

		ApiReply view = single.join();
		ApiReply list = page.join();
		assertThat(view.status()).isEqualTo(200);
		assertThat(view.json().path("status").asString()).isEqualTo("CONFIRMED");
		assertThat(list.status()).isEqualTo(200);
		assertThat(list.json().at("/content/0/status").asString()).isEqualTo("CONFIRMED");
	}

	@Test
	void answersAtOnceForAWriteAlreadyVisibleOrOfAnotherService() {
		Saga saga = new Saga();
		send(saga.placed());
		awaitView(saga.orderId, hasTimelineOf(1));

		ApiReply placed = this.api
			.get("/api/orders/" + saga.orderId + "?readToken=" + token("order-service", saga.orderId, 1));
		ApiReply payment = this.api
			.get("/api/orders/" + saga.orderId + "?readToken=" + token("payment-service", saga.customerId, 40));

		assertThat(placed.status()).isEqualTo(200);
		assertThat(payment.status()).isEqualTo(200);
		assertThat(payment.json().path("status").asString()).isEqualTo("PENDING");
	}

	@Test
	void answersServiceUnavailableWhenTheWriteDoesNotArriveInTime() {
		Saga saga = new Saga();
		send(saga.placed());
		awaitView(saga.orderId, hasTimelineOf(1));

		ApiReply reply = this.api
			.get("/api/orders/" + saga.orderId + "?readToken=" + token("order-service", saga.orderId, 5));

		Problems.assertProblem(reply, 503, "does not include write " + saga.orderId + "@5 of order-service yet");
		assertThat(reply.header("Retry-After")).isEqualTo("1");
	}

	@Test
	void rejectsATokenNoCommandIssued() {
		Problems.assertProblem(this.api.get("/api/orders/" + UUID.randomUUID() + "?readToken=garbage!"), 400,
				"is not a read token");
		Problems.assertProblem(
				this.api.get("/api/orders?readToken=" + new ReadToken("order-service", "not-an-order", 1).encode()),
				400, "is not a read token of an order");
	}

	private static String token(String source, UUID id, long version) {
		return new ReadToken(source, id.toString(), version).encode();
	}

}
