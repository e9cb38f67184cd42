package io.sagaref.order;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

import io.sagaref.order.OrderEvent.OrderCancelled;
import io.sagaref.order.OrderEvent.OrderConfirmed;
import io.sagaref.order.OrderEvent.OrderPlaced;
import io.sagaref.order.OrderEvent.OrderRejected;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class OrderTest {

	private static final Instant PLACED = Instant.parse("2026-11-27T10:00:00Z");

	private static final Instant LATER = PLACED.plusSeconds(5);

	private final CustomerId customer = CustomerId.random();

	@Test
	void placesPendingOrderTotalledFromItsLinesAndRecordsOrderPlaced() {
		Order order = place(new OrderLine("BOOK-1", 2, Money.of("12.50")), new OrderLine("PEN-1", 3, Money.of("1.10")));

		assertThat(order.status()).isEqualTo(OrderStatus.PENDING);
		assertThat(order.total()).isEqualTo(Money.of("28.30"));
		assertThat(order.placedAt()).isEqualTo(PLACED);
		assertThat(order.version()).isEqualTo(1);
		assertThat(order.takeEvents()).containsExactly(new RecordedEvent<>(order.id().toString(), 1,
				new OrderPlaced(order.id(), this.customer, order.lines(), Money.of("28.30"))));
		assertThat(order.takeEvents()).as("events are handed over once").isEmpty();
	}

	@Test
	void refusesAnOrderWithoutLines() {
		assertThatIllegalArgumentException().isThrownBy(this::place).withMessageContaining("1 to 100 lines");
	}

	@Test
	void refusesMoreThanAHundredLines() {
		OrderLine[] lines = IntStream.rangeClosed(1, 101)
			.mapToObj((i) -> new OrderLine("SKU-" + i, 1, Money.of("1")))
			.toArray(OrderLine[]::new);
		assertThatIllegalArgumentException().isThrownBy(() -> place(lines)).withMessageContaining("not 101");
	}

	@Test
	void refusesTheSameSkuInTwoLines() {
		assertThatIllegalArgumentException()
			.isThrownBy(
					() -> place(new OrderLine("BOOK-1", 1, Money.of("10")), new OrderLine("BOOK-1", 2, Money.of("10"))))
			.withMessageContaining("BOOK-1");
	}

	@Test
	void refusesLinesWithoutQuantityOrWithABadPrice() {
		assertThatIllegalArgumentException().isThrownBy(() -> new OrderLine("BOOK-1", 0, Money.of("10")));
		assertThatIllegalArgumentException().isThrownBy(() -> new OrderLine("BOOK-1", 1, Money.ZERO));
		assertThatIllegalArgumentException().isThrownBy(() -> new OrderLine("BOOK-1", 1, Money.of("-1.00")));
		assertThatIllegalArgumentException().isThrownBy(() -> new OrderLine("BOOK-1", 1, Money.of("1.001")));
	}

	@Test
	void confirmsPendingOrderAsSecondEvent() {
		Order order = placed();

		order.confirm(LATER);

		assertThat(order.status()).isEqualTo(OrderStatus.CONFIRMED);
		assertThat(order.updatedAt()).isEqualTo(LATER);
		assertThat(order.version()).isEqualTo(2);
		assertThat(order.takeEvents()).containsExactly(
				new RecordedEvent<>(order.id().toString(), 2, new OrderConfirmed(order.id(), this.customer)));
	}

	@Test
	void rejectsPendingOrderWithItsReason() {
		Order order = placed();

		order.reject(RejectionReason.INSUFFICIENT_FUNDS, LATER);

		assertThat(order.status()).isEqualTo(OrderStatus.REJECTED);
		assertThat(order.rejectionReason()).contains(RejectionReason.INSUFFICIENT_FUNDS);
		assertThat(order.takeEvents()).extracting(RecordedEvent::event)
			.containsExactly(new OrderRejected(order.id(), this.customer, RejectionReason.INSUFFICIENT_FUNDS));
	}

	@Test
	void endsOnlyOnce() {
		Order confirmed = placed();
		confirmed.confirm(LATER);
		Order rejected = placed();
		rejected.reject(RejectionReason.TIMED_OUT, LATER);

		assertThatIllegalStateException().isThrownBy(() -> confirmed.confirm(LATER));
		assertThatIllegalStateException().isThrownBy(() -> confirmed.reject(RejectionReason.OUT_OF_STOCK, LATER));
		assertThatIllegalStateException().isThrownBy(() -> rejected.confirm(LATER));
		assertThat(confirmed.status()).isEqualTo(OrderStatus.CONFIRMED);
		assertThat(rejected.status()).isEqualTo(OrderStatus.REJECTED);
	}

	@Test
	void cancelsPendingOrderAtTheCustomersRequest() {
		Order order = placed();

		order.cancel(LATER);

		assertThat(order.status()).isEqualTo(OrderStatus.CANCELLED);
		assertThat(order.takeEvents()).extracting(RecordedEvent::event)
			.containsExactly(new OrderCancelled(order.id(), this.customer, CancellationReason.CUSTOMER_REQUEST));
	}

	@Test
	void cancelsConfirmedOrder() {
		Order order = placed();
		order.confirm(LATER);
		order.takeEvents();

		order.cancel(LATER);

		assertThat(order.status()).isEqualTo(OrderStatus.CANCELLED);
		assertThat(order.version()).isEqualTo(3);
		assertThat(order.takeEvents()).singleElement().satisfies((recorded) -> {
			assertThat(recorded.sequence()).isEqualTo(3);
			assertThat(recorded.event()).isInstanceOf(OrderCancelled.class);
		});
	}

	@Test
	void cancellingACancelledOrderChangesNothing() {
		Order order = placed();
		order.cancel(LATER);
		order.takeEvents();

		order.cancel(LATER.plusSeconds(1));

		assertThat(order.status()).isEqualTo(OrderStatus.CANCELLED);
		assertThat(order.version()).isEqualTo(2);
		assertThat(order.takeEvents()).isEmpty();
	}

	@Test
	void refusesToCancelARejectedOrder() {
		Order order = placed();
		order.reject(RejectionReason.OUT_OF_STOCK, LATER);

		assertThatIllegalStateException().isThrownBy(() -> order.cancel(LATER)).withMessageContaining("rejected");
		assertThat(order.status()).isEqualTo(OrderStatus.REJECTED);
	}

	@Test
	void aCancelledOrderCannotBeConfirmedLater() {
		Order order = placed();
		order.cancel(LATER);

		assertThatIllegalStateException().isThrownBy(() -> order.confirm(LATER));
	}

	@Test
	void remembersTheRequestThatPlacedIt() {
		var key = new RequestKey("key-1", "hash-a");
		Order order = Order.place(OrderId.random(), this.customer, List.of(new OrderLine("A", 1, Money.of("10"))), key,
				URI.create("https://client.example/hook"), PLACED);

		assertThat(order.wasPlacedBy(key)).isTrue();
		assertThat(order.wasPlacedBy(new RequestKey("key-1", "hash-b"))).isFalse();
		assertThat(order.idempotencyKey()).contains("key-1");
		assertThat(order.callbackUrl()).contains(URI.create("https://client.example/hook"));
	}

	@Test
	void foldingItsEventsGivesTheStateTheCommandsBuiltTimedByTheStore() {
		Order order = place(new OrderLine("BOOK-1", 2, Money.of("12.50")));
		order.confirm(LATER);
		order.cancel(LATER.plusSeconds(1));
		List<RecordedEvent<OrderEvent>> events = order.takeEvents();
		Instant recorded = PLACED.plusMillis(3);

		Order folded = null;
		for (RecordedEvent<OrderEvent> event : events) {
			folded = Order.fold(folded, event.event(), event.sequence(), recorded.plusSeconds(event.sequence()));
		}

		assertThat(folded).isNotNull();
		assertThat(folded.status()).isEqualTo(OrderStatus.CANCELLED);
		assertThat(folded.version()).isEqualTo(3);
		assertThat(folded.total()).isEqualTo(Money.of("25.00"));
		assertThat(folded.placedAt()).isEqualTo(recorded.plusSeconds(1));
		assertThat(folded.updatedAt()).isEqualTo(recorded.plusSeconds(3));
		assertThat(folded.recordedEvents()).as("folding records nothing").isEmpty();
	}

	@Test
	void anEventItRecordedItselfOnlyTakesTheTimeTheStoreGaveIt() {
		Order order = placed();
		order.confirm(LATER);
		Instant stored = LATER.plusMillis(7);

		Order same = Order.fold(order, new OrderConfirmed(order.id(), this.customer), 2, stored);

		assertThat(same).isSameAs(order);
		assertThat(order.status()).isEqualTo(OrderStatus.CONFIRMED);
		assertThat(order.version()).isEqualTo(2);
		assertThat(order.updatedAt()).isEqualTo(stored);
		assertThat(order.placedAt()).isEqualTo(PLACED);
	}

	@Test
	void refusesAStreamThatDoesNotBeginWithOrderPlacedOrMissesAnEvent() {
		OrderId id = OrderId.random();
		assertThatIllegalStateException()
			.isThrownBy(() -> Order.fold(null, new OrderConfirmed(id, this.customer), 1, PLACED))
			.withMessageContaining("not OrderPlaced");
		Order order = placed();
		assertThatIllegalStateException()
			.isThrownBy(() -> Order.fold(order, new OrderConfirmed(order.id(), this.customer), 3, LATER))
			.withMessageContaining("must be 2, not 3");
	}

	@Test
	void restoresFromItsSnapshotStateAndGoesOnFromThere() {
		Order order = Order.restore(
				new OrderPlaced(OrderId.random(), this.customer, List.of(new OrderLine("A", 1, Money.of("2.00"))),
						Money.of("2.00"), new RequestKey("k", "h"), URI.create("https://client.example/cb")),
				OrderStatus.CONFIRMED, null, PLACED, LATER, 2);

		order.cancel(LATER.plusSeconds(1));

		assertThat(order.wasPlacedBy(new RequestKey("k", "h"))).isTrue();
		assertThat(order.placedAt()).isEqualTo(PLACED);
		assertThat(order.takeEvents()).singleElement().satisfies((recorded) -> {
			assertThat(recorded.sequence()).isEqualTo(3);
			assertThat(recorded.event()).isInstanceOf(OrderCancelled.class);
		});
		assertThat(order.loadedVersion()).isEqualTo(3);
	}

	private Order placed() {
		Order order = place(new OrderLine("BOOK-1", 1, Money.of("9.99")));
		order.takeEvents();
		return order;
	}

	private Order place(OrderLine... lines) {
		return Order.place(OrderId.random(), this.customer, List.of(lines), null, null, PLACED);
	}

}
