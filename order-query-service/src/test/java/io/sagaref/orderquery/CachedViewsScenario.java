package io.sagaref.orderquery;

import java.time.Instant;
import java.util.List;

import io.sagaref.orderquery.Saga.Event;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a client sees must not depend on whether single views are served from memory:
 * {@link ViewCacheIT} runs this with the in-memory views on, {@link ViewCacheDisabledIT}
 * with them off, and both must see the same.
 */
abstract class CachedViewsScenario extends OrderQueryServiceIntegrationTest {

	@Test
	void answersTheSameViewsAsTheEventsSay() {
		Saga confirmed = new Saga();
		Saga outOfOrder = new Saga();
		Saga repeated = new Saga();
		Event placed = outOfOrder.placed();
		Event paid = outOfOrder.paymentCompleted("25.00");
		Event reserved = outOfOrder.stockReserved();
		Event accepted = outOfOrder.confirmed();
		Event repeatedPlaced = repeated.placed();
		send(confirmed.placed(), confirmed.paymentCompleted("25.00"), confirmed.stockReserved(), confirmed.confirmed(),
				reserved, paid, repeatedPlaced, repeatedPlaced, repeated.rejected(2, "INSUFFICIENT_FUNDS"),
				repeated.rejected(2, "TIMED_OUT"));
		awaitView(outOfOrder.orderId, hasTimelineOf(2));
		send(placed, accepted);

		JsonNode first = awaitView(confirmed.orderId, hasTimelineOf(4));
		JsonNode second = awaitView(outOfOrder.orderId, hasTimelineOf(4));
		JsonNode third = awaitView(repeated.orderId, hasTimelineOf(2));

		assertThat(first.path("status").asString()).isEqualTo("CONFIRMED");
		assertThat(first.at("/payment/status").asString()).isEqualTo("COMPLETED");
		assertThat(first.at("/stock/status").asString()).isEqualTo("RESERVED");
		assertThat(second.path("status").asString()).isEqualTo("CONFIRMED");
		assertThat(second.path("placedAt").asString()).isEqualTo(placed.occurredAt().toString());
		assertThat(second.path("updatedAt").asString()).isEqualTo(accepted.occurredAt().toString());
		assertThat(timelineTypes(second)).containsExactly("OrderPlaced", "PaymentCompleted", "StockReserved",
				"OrderConfirmed");
		assertThat(third.path("status").asString()).isEqualTo("REJECTED");
		assertThat(third.path("rejectionReason").asString()).isEqualTo("INSUFFICIENT_FUNDS");
		for (Saga saga : List.of(confirmed, outOfOrder, repeated)) {
			assertThat(view(saga.orderId)).as("the view of %s as its stored events fold", saga.orderId)
				.isEqualTo(this.api.get("/api/orders/" + saga.orderId + "?asOf=" + Instant.now().plusSeconds(3600))
					.json());
		}
	}

}
