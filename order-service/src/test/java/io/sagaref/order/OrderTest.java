package io.sagaref.order;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
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

	private final UUID customer = UUID.randomUUID();

	@Test
	void placesPendingOrderTotalledFromItsLinesAndRecordsOrderPlaced() {
		Order order = place(new OrderLine("BOOK-1", 2, new BigDecimal("12.50")),
				new OrderLine("PEN-1", 3, new BigDecimal("1.10")));

		assertThat(order.status()).isEqualTo(OrderStatus.PENDING);
		assertThat(order.total()).isEqualByComparingTo("28.30");
		assertThat(order.placedAt()).isEqualTo(PLACED);
		assertThat(order.eventSequence()).isEqualTo(1);
		assertThat(order.releaseEvents())
			.containsExactly(new OrderPlaced(order.id(), this.customer, order.lines(), new BigDecimal("28.30")));
		assertThat(order.releaseEvents()).as("events are released once").isEmpty();
	}

	@Test
	void refusesAnOrderWithoutLines() {
		assertThatIllegalArgumentException().isThrownBy(this::place).withMessageContaining("1 to 100 lines");
	}

	@Test
	void refusesMoreThanAHundredLines() {
		OrderLine[] lines = IntStream.rangeClosed(1, 101)
			.mapToObj((i) -> new OrderLine("SKU-" + i, 1, BigDecimal.ONE))
			.toArray(OrderLine[]::new);
		assertThatIllegalArgumentException().isThrownBy(() -> place(lines)).withMessageContaining("not 101");
	}

	@Test
	void refusesTheSameSkuInTwoLines() {
		assertThatIllegalArgumentException()
			.isThrownBy(
					() -> place(new OrderLine("BOOK-1", 1, BigDecimal.TEN), new OrderLine("BOOK-1", 2, BigDecimal.TEN)))
			.withMessageContaining("BOOK-1");
	}

	@Test
	void refusesLinesWithoutQuantityOrWithABadPrice() {
		assertThatIllegalArgumentException().isThrownBy(() -> new OrderLine("BOOK-1", 0, BigDecimal.TEN));
		assertThatIllegalArgumentException().isThrownBy(() -> new OrderLine("BOOK-1", 1, BigDecimal.ZERO));
		assertThatIllegalArgumentException().isThrownBy(() -> new OrderLine("BOOK-1", 1, new BigDecimal("1.001")));
	}

	@Test
	void confirmsPendingOrderAsSecondEvent() {
		Order order = placed();

		order.confirm(LATER);

		assertThat(order.status()).isEqualTo(OrderStatus.CONFIRMED);
		assertThat(order.updatedAt()).isEqualTo(LATER);
		assertThat(order.eventSequence()).isEqualTo(2);
		assertThat(order.releaseEvents()).containsExactly(new OrderConfirmed(order.id(), this.customer));
	}

	@Test
	void rejectsPendingOrderWithItsReason() {
		Order order = placed();

		order.reject(RejectionReason.INSUFFICIENT_FUNDS, LATER);

		assertThat(order.status()).isEqualTo(OrderStatus.REJECTED);
		assertThat(order.rejectionReason()).contains(RejectionReason.INSUFFICIENT_FUNDS);
		assertThat(order.releaseEvents())
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
		assertThat(order.releaseEvents())
			.containsExactly(new OrderCancelled(order.id(), this.customer, CancellationReason.CUSTOMER_REQUEST));
	}

	@Test
	void cancelsConfirmedOrder() {
		Order order = placed();
		order.confirm(LATER);
		order.releaseEvents();

		order.cancel(LATER);

		assertThat(order.status()).isEqualTo(OrderStatus.CANCELLED);
		assertThat(order.eventSequence()).isEqualTo(3);
		assertThat(order.releaseEvents()).hasOnlyElementsOfType(OrderCancelled.class).hasSize(1);
	}

	@Test
	void cancellingACancelledOrderChangesNothing() {
		Order order = placed();
		order.cancel(LATER);
		order.releaseEvents();

		order.cancel(LATER.plusSeconds(1));

		assertThat(order.status()).isEqualTo(OrderStatus.CANCELLED);
		assertThat(order.eventSequence()).isEqualTo(2);
		assertThat(order.releaseEvents()).isEmpty();
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
		Order order = Order.place(UUID.randomUUID(), this.customer, List.of(new OrderLine("A", 1, BigDecimal.TEN)), key,
				URI.create("https://client.example/hook"), PLACED);

		assertThat(order.wasPlacedBy(key)).isTrue();
		assertThat(order.wasPlacedBy(new RequestKey("key-1", "hash-b"))).isFalse();
		assertThat(order.idempotencyKey()).contains("key-1");
		assertThat(order.callbackUrl()).contains(URI.create("https://client.example/hook"));
	}

	private Order placed() {
		Order order = place(new OrderLine("BOOK-1", 1, new BigDecimal("9.99")));
		order.releaseEvents();
		return order;
	}

	private Order place(OrderLine... lines) {
		return Order.place(UUID.randomUUID(), this.customer, List.of(lines), null, null, PLACED);
	}

}
