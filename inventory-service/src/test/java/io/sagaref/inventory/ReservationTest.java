package io.sagaref.inventory;

import java.util.List;
import java.util.Map;

import io.sagaref.inventory.ReservationEvent.StockRejected;
import io.sagaref.inventory.ReservationEvent.StockReleased;
import io.sagaref.inventory.ReservationEvent.StockReserved;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class ReservationTest {

	private final OrderId orderId = OrderId.random();

	private final Product book = Product.register("BOOK", "Book", Money.of("10"), 5);

	private final Product pen = Product.register("PEN", "Pen", Money.of("1"), 1);

	private final Map<String, Product> products = Map.of("BOOK", this.book, "PEN", this.pen);

	@Test
	void reservesEveryLineWhenAllAreAvailable() {
		var lines = List.of(new ReservationLine("PEN", 1), new ReservationLine("BOOK", 2));

		Reservation reservation = Reservation.reserve(this.orderId, lines, this.products);

		assertThat(reservation.status()).isEqualTo(ReservationStatus.RESERVED);
		assertThat(this.book.available()).isEqualTo(3);
		assertThat(this.book.reserved()).isEqualTo(2);
		assertThat(this.pen.available()).isZero();
		var sortedLines = List.of(new ReservationLine("BOOK", 2), new ReservationLine("PEN", 1));
		assertThat(reservation.takeEvents()).containsExactly(
				new RecordedEvent<>(this.orderId.toString(), 1, new StockReserved(this.orderId, sortedLines)));
	}

	@Test
	void reservesNothingWhenOneLineIsShort() {
		var lines = List.of(new ReservationLine("BOOK", 2), new ReservationLine("PEN", 3));

		Reservation reservation = Reservation.reserve(this.orderId, lines, this.products);

		assertThat(reservation.status()).isEqualTo(ReservationStatus.REJECTED);
		assertThat(this.book.available()).isEqualTo(5);
		assertThat(this.pen.available()).isEqualTo(1);
		assertThat(reservation.takeEvents()).extracting(RecordedEvent::event)
			.containsExactly(new StockRejected(this.orderId, StockRejected.Reason.OUT_OF_STOCK,
					List.of(new Shortage("PEN", 3, 1))));
	}

	@Test
	void treatsAnUnknownProductAsShortWithNothingAvailable() {
		Reservation reservation = Reservation.reserve(this.orderId, List.of(new ReservationLine("GHOST", 1)),
				this.products);

		assertThat(reservation.takeEvents()).extracting(RecordedEvent::event)
			.containsExactly(new StockRejected(this.orderId, StockRejected.Reason.OUT_OF_STOCK,
					List.of(new Shortage("GHOST", 1, 0))));
	}

	@Test
	void mergesLinesThatNameTheSameProduct() {
		var lines = List.of(new ReservationLine("BOOK", 3), new ReservationLine("BOOK", 3));

		Reservation reservation = Reservation.reserve(this.orderId, lines, this.products);

		assertThat(reservation.status()).isEqualTo(ReservationStatus.REJECTED);
		assertThat(reservation.lines()).containsExactly(new ReservationLine("BOOK", 6));
		assertThat(reservation.takeEvents()).extracting(RecordedEvent::event)
			.containsExactly(new StockRejected(this.orderId, StockRejected.Reason.OUT_OF_STOCK,
					List.of(new Shortage("BOOK", 6, 5))));
	}

	@Test
	void refusesAnOrderWithoutLinesOrWithAQuantityBelowOne() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Reservation.reserve(this.orderId, List.of(), this.products));
		assertThatIllegalArgumentException().isThrownBy(() -> new ReservationLine("BOOK", 0));
	}

	@Test
	void releasesHeldStockOnceAndNumbersTheEventAfterTheReservation() {
		Reservation reservation = Reservation.reserve(this.orderId, List.of(new ReservationLine("BOOK", 2)),
				this.products);
		reservation.takeEvents();

		reservation.release(StockReleased.Reason.ORDER_TIMED_OUT, this.products);

		assertThat(reservation.status()).isEqualTo(ReservationStatus.RELEASED);
		assertThat(this.book.available()).isEqualTo(5);
		assertThat(this.book.reserved()).isZero();
		assertThat(reservation.takeEvents())
			.containsExactly(new RecordedEvent<>(this.orderId.toString(), 2, new StockReleased(this.orderId,
					List.of(new ReservationLine("BOOK", 2)), StockReleased.Reason.ORDER_TIMED_OUT)));
		assertThat(reservation.holdsStock()).isFalse();
		assertThatIllegalStateException()
			.isThrownBy(() -> reservation.release(StockReleased.Reason.ORDER_CANCELLED, this.products));
		assertThat(this.book.available()).isEqualTo(5);
	}

	@Test
	void refusesThePaymentOfAnOrderClosedBeforeIt() {
		Reservation reservation = Reservation.closedBeforePayment(this.orderId);
		assertThat(reservation.isClosed()).isTrue();
		assertThat(reservation.takeEvents()).isEmpty();

		reservation.rejectPaymentOfClosedOrder(List.of(new ReservationLine("BOOK", 1)));

		assertThat(reservation.status()).isEqualTo(ReservationStatus.REJECTED);
		assertThat(this.book.available()).isEqualTo(5);
		assertThat(reservation.takeEvents()).containsExactly(new RecordedEvent<>(this.orderId.toString(), 1,
				new StockRejected(this.orderId, StockRejected.Reason.ORDER_CLOSED, List.of())));
		assertThatIllegalStateException()
			.isThrownBy(() -> reservation.rejectPaymentOfClosedOrder(List.of(new ReservationLine("BOOK", 1))));
	}

	@Test
	void aRejectedOrderHoldsNothingToRelease() {
		Reservation reservation = Reservation.reserve(this.orderId, List.of(new ReservationLine("PEN", 2)),
				this.products);

		assertThat(reservation.holdsStock()).isFalse();
		assertThatIllegalStateException()
			.isThrownBy(() -> reservation.release(StockReleased.Reason.ORDER_CANCELLED, this.products));
		assertThat(this.pen.available()).isEqualTo(1);
	}

}
