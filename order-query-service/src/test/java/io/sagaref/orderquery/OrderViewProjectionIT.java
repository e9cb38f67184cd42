package io.sagaref.orderquery;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.sagaref.orderquery.Saga.Event;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Complete sagas, fed as the other services publish them, end as the views clients read.
 */
class OrderViewProjectionIT extends OrderQueryServiceIntegrationTest {

	@Test
	void confirmedSagaShowsTheWholeOrder() {
		Saga saga = new Saga();
		Event placed = saga.placed();
		send(placed, saga.paymentCompleted("25.00"), saga.stockReserved(), saga.confirmed());

		JsonNode view = awaitView(saga.orderId, hasTimelineOf(4));

		assertThat(view.path("orderId").asString()).isEqualTo(saga.orderId.toString());
		assertThat(view.path("customerId").asString()).isEqualTo(saga.customerId.toString());
		assertThat(view.path("status").asString()).isEqualTo("CONFIRMED");
		assertThat(view.path("lines")).hasSize(1);
		assertThat(view.at("/lines/0/sku").asString()).isEqualTo("BOOK-1");
		assertThat(view.at("/lines/0/quantity").asInt()).isEqualTo(2);
		assertThat(view.at("/lines/0/unitPrice").decimalValue()).isEqualByComparingTo("12.50");
		assertThat(view.path("total").isNumber()).isTrue();
		assertThat(view.path("total").decimalValue()).isEqualTo(new BigDecimal("25.00"));
		assertThat(view.path("rejectionReason").isNull()).isTrue();
		assertThat(view.at("/payment/status").asString()).isEqualTo("COMPLETED");
		assertThat(view.at("/payment/amount").decimalValue()).isEqualByComparingTo("25.00");
		assertThat(view.at("/payment/reason").isNull()).isTrue();
		assertThat(view.at("/stock/status").asString()).isEqualTo("RESERVED");
		assertThat(view.at("/stock/shortages")).isEmpty();
		assertThat(timelineTypes(view)).containsExactly("OrderPlaced", "PaymentCompleted", "StockReserved",
				"OrderConfirmed");
		assertThat(view.at("/timeline/0/source").asString()).isEqualTo("order-service");
		assertThat(view.at("/timeline/0/at").asString()).isEqualTo(placed.occurredAt().toString());
		assertThat(view.at("/timeline/1/detail").asString()).isEqualTo("amount 25.00");
		assertThat(view.path("placedAt").asString()).isEqualTo(placed.occurredAt().toString());
		assertThat(view.path("updatedAt").asString()).isNotBlank();
	}

	@Test
	void insufficientFundsRejectsTheOrderWithTheReason() {
		Saga saga = new Saga();
		send(saga.placed(), saga.paymentDeclined("INSUFFICIENT_FUNDS"), saga.rejected(2, "INSUFFICIENT_FUNDS"));

		JsonNode view = awaitView(saga.orderId, hasTimelineOf(3));

		assertThat(view.path("status").asString()).isEqualTo("REJECTED");
		assertThat(view.path("rejectionReason").asString()).isEqualTo("INSUFFICIENT_FUNDS");
		assertThat(view.at("/payment/status").asString()).isEqualTo("DECLINED");
		assertThat(view.at("/payment/reason").asString()).isEqualTo("INSUFFICIENT_FUNDS");
		assertThat(view.path("stock").isNull()).isTrue();
		assertThat(view.at("/timeline/2/detail").asString()).isEqualTo("INSUFFICIENT_FUNDS");
	}

	@Test
	void outOfStockShowsTheShortagesAndTheRefund() {
		Saga saga = new Saga();
		send(saga.placed(), saga.paymentCompleted("25.00"), saga.stockRejected("BOOK-1", 2, 1),
				saga.paymentRefunded("OUT_OF_STOCK"), saga.rejected(2, "OUT_OF_STOCK"));

		JsonNode view = awaitView(saga.orderId, hasTimelineOf(5));

		assertThat(view.path("status").asString()).isEqualTo("REJECTED");
		assertThat(view.path("rejectionReason").asString()).isEqualTo("OUT_OF_STOCK");
		assertThat(view.at("/payment/status").asString()).isEqualTo("REFUNDED");
		assertThat(view.at("/payment/reason").asString()).isEqualTo("OUT_OF_STOCK");
		assertThat(view.at("/stock/status").asString()).isEqualTo("REJECTED");
		assertThat(view.at("/stock/reason").asString()).isEqualTo("OUT_OF_STOCK");
		assertThat(view.at("/stock/shortages/0/sku").asString()).isEqualTo("BOOK-1");
		assertThat(view.at("/stock/shortages/0/requested").asInt()).isEqualTo(2);
		assertThat(view.at("/stock/shortages/0/available").asInt()).isEqualTo(1);
		assertThat(timelineTypes(view)).containsExactly("OrderPlaced", "PaymentCompleted", "StockRejected",
				"PaymentRefunded", "OrderRejected");
	}

	@Test
	void cancelAfterConfirmShowsTheReleaseAndTheRefundInTheTimeline() {
		Saga saga = new Saga();
		send(saga.placed(), saga.paymentCompleted("25.00"), saga.stockReserved(), saga.confirmed(), saga.cancelled(3),
				saga.stockReleased(2, "ORDER_CANCELLED"), saga.paymentRefunded("ORDER_CANCELLED"));

		JsonNode view = awaitView(saga.orderId, hasTimelineOf(7));

		assertThat(view.path("status").asString()).isEqualTo("CANCELLED");
		assertThat(view.path("rejectionReason").isNull()).isTrue();
		assertThat(view.at("/payment/status").asString()).isEqualTo("REFUNDED");
		assertThat(view.at("/payment/reason").asString()).isEqualTo("ORDER_CANCELLED");
		assertThat(view.at("/stock/status").asString()).isEqualTo("RELEASED");
		assertThat(view.at("/stock/reason").asString()).isEqualTo("ORDER_CANCELLED");
		assertThat(timelineTypes(view)).containsExactly("OrderPlaced", "PaymentCompleted", "StockReserved",
				"OrderConfirmed", "OrderCancelled", "StockReleased", "PaymentRefunded");
		assertThat(view.at("/timeline/4/detail").asString()).isEqualTo("CUSTOMER_REQUEST");
		assertThat(view.at("/timeline/5/source").asString()).isEqualTo("inventory-service");
	}

	@Test
	void manySagasArrivingAtOnceAreFoldedInBatchesIntoExactViews() {
		List<Saga> confirmed = new ArrayList<>();
		List<Saga> outOfStock = new ArrayList<>();
		List<Event> events = new ArrayList<>();
		for (int i = 0; i < 150; i++) {
			Saga ok = new Saga();
			confirmed.add(ok);
			events.addAll(List.of(ok.placed(), ok.paymentCompleted("25.00"), ok.stockReserved(), ok.confirmed()));
			Saga lacking = new Saga();
			outOfStock.add(lacking);
			events.addAll(
					List.of(lacking.placed(), lacking.paymentCompleted("25.00"), lacking.stockRejected("BOOK-1", 2, 1),
							lacking.paymentRefunded("OUT_OF_STOCK"), lacking.rejected(2, "OUT_OF_STOCK")));
		}
		send(events.toArray(Event[]::new));

		await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> view(outOfStock.getLast().orderId).path("timeline").size() == 5
					&& view(confirmed.getLast().orderId).path("timeline").size() == 4);
		await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
			for (Saga saga : confirmed) {
				JsonNode view = view(saga.orderId);
				assertThat(timelineTypes(view)).containsExactly("OrderPlaced", "PaymentCompleted", "StockReserved",
						"OrderConfirmed");
				assertThat(view.path("status").asString()).isEqualTo("CONFIRMED");
				assertThat(view.path("lines")).hasSize(1);
				assertThat(view.at("/lines/0/unitPrice").decimalValue()).isEqualByComparingTo("12.50");
				assertThat(view.at("/stock/shortages")).isEmpty();
			}
			for (Saga saga : outOfStock) {
				JsonNode view = view(saga.orderId);
				assertThat(timelineTypes(view)).containsExactly("OrderPlaced", "PaymentCompleted", "StockRejected",
						"PaymentRefunded", "OrderRejected");
				assertThat(view.path("status").asString()).isEqualTo("REJECTED");
				assertThat(view.at("/payment/status").asString()).isEqualTo("REFUNDED");
				assertThat(view.at("/stock/shortages")).hasSize(1);
				assertThat(view.path("lines")).hasSize(1);
			}
		});
	}

	@Test
	void eventsArrivingOutOfOrderAcrossTopicsEndInTheSameView() {
		Saga saga = new Saga();
		Event placed = saga.placed();
		Event paid = saga.paymentCompleted("25.00");
		Event reserved = saga.stockReserved();
		Event confirmed = saga.confirmed();

		send(reserved, paid);
		JsonNode early = awaitView(saga.orderId, hasTimelineOf(2));
		assertThat(early.path("status").isNull()).as("no status before order-service speaks").isTrue();
		assertThat(early.at("/payment/status").asString()).isEqualTo("COMPLETED");
		assertThat(early.at("/stock/status").asString()).isEqualTo("RESERVED");
		assertThat(early.path("lines")).isEmpty();

		send(placed, confirmed);
		JsonNode view = awaitView(saga.orderId, hasTimelineOf(4));

		assertThat(view.path("status").asString()).isEqualTo("CONFIRMED");
		assertThat(view.path("customerId").asString()).isEqualTo(saga.customerId.toString());
		assertThat(view.path("total").decimalValue()).isEqualByComparingTo("25.00");
		assertThat(view.path("placedAt").asString()).isEqualTo(placed.occurredAt().toString());
		assertThat(view.path("updatedAt").asString()).isEqualTo(confirmed.occurredAt().toString());
		assertThat(timelineTypes(view)).as("ordered by time, not by arrival")
			.containsExactly("OrderPlaced", "PaymentCompleted", "StockReserved", "OrderConfirmed");
	}

	@Test
	void keepsMoneyExactBeyondWhatADoubleCanHold() {
		Saga saga = new Saga();
		send(saga.paymentCompleted("12345678901234567.89"));

		JsonNode view = awaitView(saga.orderId, hasTimelineOf(1));

		assertThat(view.at("/payment/amount").decimalValue()).isEqualTo(new BigDecimal("12345678901234567.89"));
		assertThat(view.at("/timeline/0/detail").asString()).isEqualTo("amount 12345678901234567.89");
	}

	@Test
	void duplicateDeliveryOfAnEventAppliesItOnce() {
		Saga saga = new Saga();
		Event placed = saga.placed();
		Event paid = saga.paymentCompleted("25.00");
		send(placed, placed, paid, paid, saga.confirmed());

		JsonNode view = awaitView(saga.orderId, (v) -> v.path("status").asString().equals("CONFIRMED"));

		assertThat(timelineTypes(view)).containsExactly("OrderPlaced", "PaymentCompleted", "OrderConfirmed");
	}

	@Test
	void eventWithAStaleSequenceFromTheSameSourceIsIgnored() {
		Saga saga = new Saga();
		Event placed = saga.placed();
		Event confirmed = saga.confirmed();
		Event sameSequence = saga.rejected(2, "OUT_OF_STOCK");
		Event olderSequence = saga.rejected(1, "TIMED_OUT");
		Event cancelled = saga.cancelled(3);
		Event paid = saga.paymentCompleted("25.00");
		Event paidAgain = saga.event("PaymentCompleted", 1,
				(payload) -> payload.put("amount", new BigDecimal("99.00")));
		Event refunded = saga.paymentRefunded("ORDER_CANCELLED");
		send(placed, confirmed, sameSequence, olderSequence, cancelled, paid, paidAgain, refunded);

		JsonNode view = awaitView(saga.orderId, (v) -> v.path("status").asString().equals("CANCELLED")
				&& v.at("/payment/status").asString().equals("REFUNDED"));

		assertThat(view.path("rejectionReason").isNull()).isTrue();
		assertThat(timelineTypes(view)).containsExactly("OrderPlaced", "OrderConfirmed", "OrderCancelled",
				"PaymentCompleted", "PaymentRefunded");
		assertThat(view.at("/timeline/3/detail").asString()).isEqualTo("amount 25.00");
	}

}
