package io.sagaref.inventory.application;

import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

import io.sagaref.inventory.Money;
import io.sagaref.inventory.OrderId;
import io.sagaref.inventory.Product;
import io.sagaref.inventory.ProductEvent.ProductRegistered;
import io.sagaref.inventory.ProductEvent.StockAdded;
import io.sagaref.inventory.Reservation;
import io.sagaref.inventory.ReservationLine;
import io.sagaref.messaging.OutgoingEvent;
import io.sagaref.messaging.testing.RecordingOutbox;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The catalog's use cases over in-memory repositories: what is stored and what is
 * published, in the order a consumer sees it.
 */
class ProductServiceTest {

	private final InMemoryProducts products = new InMemoryProducts();

	private final InMemoryReservations reservations = new InMemoryReservations();

	private final RecordingOutbox outbox = new RecordingOutbox("inventory-service");

	private final ProductService service = new ProductService(this.products, this.reservations,
			new EventPublisher(this.outbox));

	@Test
	void registersAProductAndAnnouncesItKeyedBySku() {
		Product product = this.service.register("BOOK-1", "Refactoring", Money.of("12.5"), 10);

		assertThat(this.service.product("BOOK-1")).isSameAs(product);
		assertThat(product.price()).isEqualTo(Money.of("12.50"));
		assertThat(this.outbox.appended())
			.containsExactly(new OutgoingEvent("inventory.events", "BOOK-1", "ProductRegistered", 1, "BOOK-1", 1,
					"BOOK-1", new ProductRegistered("BOOK-1", "Refactoring", Money.of("12.50"), 10)));
	}

	@Test
	void refusesASkuThatIsTakenAndKeepsTheFirstProduct() {
		this.service.register("BOOK-1", "Refactoring", Money.of("12.50"), 10);

		assertThatIllegalStateException()
			.isThrownBy(() -> this.service.register("BOOK-1", "Again", Money.of("1.00"), 1))
			.withMessage("Product BOOK-1 is already registered");

		assertThat(this.service.product("BOOK-1").name()).isEqualTo("Refactoring");
		assertThat(this.outbox.appended()).hasSize(1);
	}

	@Test
	void storesAndAnnouncesNothingForAProductThatBreaksARule() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.service.register("BOOK-1", " ", Money.of("1"), 1));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.service.register("BOOK-1", "Refactoring", Money.ZERO, 1));

		assertThat(this.products.count()).isZero();
		assertThat(this.outbox.appended()).isEmpty();
	}

	@Test
	void addsStockToTheLockedProductAndAnnouncesItAsItsSecondEvent() {
		this.service.register("BOOK-1", "Refactoring", Money.of("12.50"), 2);

		Product product = this.service.addStock("BOOK-1", 5);

		assertThat(product.available()).isEqualTo(7);
		assertThat(product.received()).isEqualTo(7);
		assertThat(this.products.locked()).containsExactly("BOOK-1");
		OutgoingEvent added = this.outbox.appended().get(1);
		assertThat(added.key()).isEqualTo("BOOK-1");
		assertThat(added.sequence()).isEqualTo(2);
		assertThat(added.payload()).isEqualTo(new StockAdded("BOOK-1", 5, 7));
	}

	@Test
	void refusesToAddStockToAnUnknownProductOrLessThanOneUnit() {
		assertThatExceptionOfType(NoSuchElementException.class).isThrownBy(() -> this.service.addStock("GHOST", 1))
			.withMessage("No product with sku GHOST");
		this.service.register("BOOK-1", "Refactoring", Money.of("12.50"), 2);

		assertThatIllegalArgumentException().isThrownBy(() -> this.service.addStock("BOOK-1", 0));

		assertThat(this.service.product("BOOK-1").available()).isEqualTo(2);
		assertThat(this.outbox.payloads()).hasOnlyElementsOfType(ProductRegistered.class).hasSize(1);
	}

	@Test
	void listsTheKnownProductsAmongThoseAskedForInSkuOrder() {
		this.service.register("PEN", "Pen", Money.of("1"), 1);
		this.service.register("BOOK", "Book", Money.of("10"), 1);

		assertThat(this.service.products(List.of("PEN", "GHOST", "BOOK"))).extracting(Product::sku)
			.containsExactly("BOOK", "PEN");
		assertThat(this.service.products(List.of())).isEmpty();
	}

	@Test
	void theLedgerPutsWhatOrdersHoldNextToEachProductsStock() {
		Product book = this.service.register("BOOK", "Book", Money.of("10"), 5);
		this.service.register("PEN", "Pen", Money.of("1"), 3);
		this.reservations
			.save(Reservation.reserve(OrderId.random(), List.of(new ReservationLine("BOOK", 2)), Map.of("BOOK", book)));

		List<StockLedgerLine> ledger = this.service.ledger();

		assertThat(ledger).extracting((line) -> line.product().sku(), StockLedgerLine::reservedByOrders)
			.containsExactly(tuple("BOOK", 2L), tuple("PEN", 0L));
		assertThat(ledger.get(0).product().reserved()).isEqualTo(2);
	}

}
