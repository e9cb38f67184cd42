package io.sagaref.orderquery;

import java.time.Instant;

import io.sagaref.orderquery.Saga.Event;
import io.sagaref.testsupport.ApiReply;
import io.sagaref.testsupport.Problems;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An order as it stood at an instant: the stored events that had happened by then, folded
 * again, in the same shape as the view of now.
 */
class PointInTimeIT extends OrderQueryServiceIntegrationTest {

	@Test
	void showsTheOrderAsItStoodAtEachInstant() {
		Saga saga = new Saga();
		Event placed = saga.placed();
		Event paid = saga.paymentCompleted("25.00");
		Event lacking = saga.stockRejected("BOOK-1", 2, 1);
		Event refunded = saga.paymentRefunded("OUT_OF_STOCK");
		Event rejected = saga.rejected(2, "OUT_OF_STOCK");
		send(placed, paid, lacking, refunded, rejected);
		JsonNode now = awaitView(saga.orderId, hasTimelineOf(5));

		JsonNode justPlaced = at(saga, placed.occurredAt());
		JsonNode paidAndLacking = at(saga, lacking.occurredAt().plusNanos(500_000));
		JsonNode end = at(saga, rejected.occurredAt());

		assertThat(justPlaced.path("status").asString()).isEqualTo("PENDING");
		assertThat(justPlaced.path("payment").isNull()).isTrue();
		assertThat(justPlaced.path("stock").isNull()).isTrue();
		assertThat(justPlaced.at("/lines/0/sku").asString()).isEqualTo("BOOK-1");
		assertThat(justPlaced.path("total").decimalValue()).isEqualByComparingTo("25.00");
		assertThat(timelineTypes(justPlaced)).containsExactly("OrderPlaced");
		assertThat(justPlaced.path("updatedAt").asString()).isEqualTo(placed.occurredAt().toString());
		assertThat(paidAndLacking.path("status").asString()).isEqualTo("PENDING");
		assertThat(paidAndLacking.at("/payment/status").asString()).isEqualTo("COMPLETED");
		assertThat(paidAndLacking.at("/payment/amount").decimalValue()).isEqualByComparingTo("25.00");
		assertThat(paidAndLacking.at("/stock/status").asString()).isEqualTo("REJECTED");
		assertThat(paidAndLacking.at("/stock/shortages/0/available").asInt()).isEqualTo(1);
		assertThat(timelineTypes(paidAndLacking)).containsExactly("OrderPlaced", "PaymentCompleted", "StockRejected");
		assertThat(end).as("the whole history is the view of now").isEqualTo(now);
	}

	@Test
	void answersNotFoundBeforeTheOrderExisted() {
		Saga saga = new Saga();
		Event placed = saga.placed();
		send(placed);
		awaitView(saga.orderId, hasTimelineOf(1));

		ApiReply reply = this.api.get("/api/orders/" + saga.orderId + "?asOf=" + placed.occurredAt().minusMillis(1));

		Problems.assertProblem(reply, 404, "No order " + saga.orderId + " in the read model as of");
	}

	@Test
	void rejectsAMalformedInstant() {
		ApiReply reply = this.api.get("/api/orders/" + new Saga().orderId + "?asOf=yesterday");

		Problems.assertProblem(reply, 400, "'yesterday' is not a valid asOf");
	}

	private JsonNode at(Saga saga, Instant asOf) {
		ApiReply reply = this.api.get("/api/orders/" + saga.orderId + "?asOf=" + asOf);
		assertThat(reply.status()).as(reply.body()).isEqualTo(200);
		return reply.json();
	}

}
