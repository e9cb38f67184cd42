package io.sagaref.inventory.application;

import java.util.List;

import io.sagaref.inventory.Money;
import io.sagaref.inventory.OrderId;
import io.sagaref.inventory.Product;
import io.sagaref.inventory.ReservationEvent.StockRejected;
import io.sagaref.inventory.ReservationEvent.StockReleased;
import io.sagaref.inventory.ReservationEvent.StockReserved;
import io.sagaref.inventory.ReservationLine;
import io.sagaref.inventory.ReservationStatus;
import io.sagaref.inventory.Shortage;
import io.sagaref.messaging.OutgoingEvent;
import io.sagaref.messaging.testing.RecordingOutbox;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The saga step's decisions over in-memory repositories: reserve all or nothing, refuse
 * the payment of a closed order, release once, and take no step twice.
 */
class ReservationServiceTest {

	private final OrderId orderId = OrderId.random();

	private final InMemoryProducts products = new InMemoryProducts();

	private final InMemoryReservations reservations = new InMemoryReservations();

	private final RecordingOutbox outbox = new RecordingOutbox("inventory-service");

	private final ReservationService service = new ReservationService(this.reservations, this.products,
			new EventPublisher(this.outbox));

	private final Product book = this.products.save(Product.register("BOOK", "Book", Money.of("10"), 5));

	private final Product pen = this.products.save(Product.register("PEN", "Pen", Money.of("1"), 3));

	@Test
	void reservesEveryLineFromLockedProductsAndAnnouncesIt() {
		this.service.reserve(this.orderId, List.of(line("PEN", 3), line("BOOK", 2), line("BOOK", 1)));

		assertThat(this.reservations.get(this.orderId).status()).isEqualTo(ReservationStatus.RESERVED);
		assertThat(this.products.locked()).containsExactlyInAnyOrder("BOOK", "PEN");
		assertThat(this.book.available()).isEqualTo(2);
		assertThat(this.book.reserved()).isEqualTo(3);
		assertThat(this.pen.available()).isZero();
		assertThat(this.outbox.appended()).containsExactly(new OutgoingEvent("inventory.events",
				this.orderId.toString(), "StockReserved", 1, this.orderId.toString(), 1, this.orderId.toString(),
				new StockReserved(this.orderId, List.of(line("BOOK", 3), line("PEN", 3)))));
	}

	@Test
	void reservesNothingAndNamesEveryShortLineWhenOneIsShort() {
		this.service.reserve(this.orderId, List.of(line("BOOK", 2), line("PEN", 4), line("GHOST", 1)));

		assertThat(this.reservations.get(this.orderId).status()).isEqualTo(ReservationStatus.REJECTED);
		assertThat(this.book.available()).isEqualTo(5);
		assertThat(this.pen.available()).isEqualTo(3);
		assertThat(this.outbox.payloads()).containsExactly(new StockRejected(this.orderId,
				StockRejected.Reason.OUT_OF_STOCK, List.of(new Shortage("GHOST", 1, 0), new Shortage("PEN", 4, 3))));
	}

	@Test
	void answersAPaymentOnlyOnce() {
		this.service.reserve(this.orderId, List.of(line("BOOK", 2)));

		this.service.reserve(this.orderId, List.of(line("BOOK", 2)));

		assertThat(this.book.available()).isEqualTo(3);
		assertThat(this.outbox.payloads()).hasSize(1);
	}

	@Test
	void remembersAnOrderClosedBeforeItsPaymentAndRefusesThePaymentOnce() {
		this.service.orderClosed(this.orderId, StockReleased.Reason.ORDER_CANCELLED);
		assertThat(this.reservations.get(this.orderId).status()).isEqualTo(ReservationStatus.CLOSED);
		assertThat(this.outbox.appended()).isEmpty();

		this.service.reserve(this.orderId, List.of(line("BOOK", 1)));
		this.service.reserve(this.orderId, List.of(line("BOOK", 1)));

		assertThat(this.reservations.get(this.orderId).status()).isEqualTo(ReservationStatus.REJECTED);
		assertThat(this.book.available()).isEqualTo(5);
		assertThat(this.outbox.payloads())
			.containsExactly(new StockRejected(this.orderId, StockRejected.Reason.ORDER_CLOSED, List.of()));
	}

	@Test
	void releasesTheStockOfAClosedOrderOnceAsItsSecondEvent() {
		this.service.reserve(this.orderId, List.of(line("BOOK", 2)));

		this.service.orderClosed(this.orderId, StockReleased.Reason.ORDER_TIMED_OUT);
		this.service.orderClosed(this.orderId, StockReleased.Reason.ORDER_CANCELLED);

		assertThat(this.reservations.get(this.orderId).status()).isEqualTo(ReservationStatus.RELEASED);
		assertThat(this.book.available()).isEqualTo(5);
		assertThat(this.book.reserved()).isZero();
		assertThat(this.outbox.appended()).hasSize(2);
		OutgoingEvent released = this.outbox.appended().get(1);
		assertThat(released.sequence()).isEqualTo(2);
		assertThat(released.payload())
			.isEqualTo(new StockReleased(this.orderId, List.of(line("BOOK", 2)), StockReleased.Reason.ORDER_TIMED_OUT));
	}

	@Test
	void leavesARejectedReservationAloneWhenTheOrderCloses() {
		this.service.reserve(this.orderId, List.of(line("PEN", 4)));

		this.service.orderClosed(this.orderId, StockReleased.Reason.ORDER_CANCELLED);

		assertThat(this.reservations.get(this.orderId).status()).isEqualTo(ReservationStatus.REJECTED);
		assertThat(this.pen.available()).isEqualTo(3);
		assertThat(this.outbox.payloads()).hasOnlyElementsOfType(StockRejected.class).hasSize(1);
	}

	@Test
	void locksTheRowsOfTheProductsAPollWillReserveFrom() {
		this.service.lockStock(List.of("PEN", "BOOK"));

		assertThat(this.products.locked()).containsExactlyInAnyOrder("BOOK", "PEN");
		assertThat(this.outbox.appended()).isEmpty();
	}

	private static ReservationLine line(String sku, int quantity) {
		return new ReservationLine(sku, quantity);
	}

}
