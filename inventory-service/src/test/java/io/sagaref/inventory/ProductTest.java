package io.sagaref.inventory;

import java.math.BigDecimal;

import io.sagaref.inventory.InventoryEvent.ProductRegistered;
import io.sagaref.inventory.InventoryEvent.StockAdded;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class ProductTest {

	@Test
	void registersWithItsInitialStockAvailableAndRecordsTheFact() {
		Product product = Product.register("BOOK-1", " Domain-Driven Design ", new BigDecimal("12.5"), 10);

		assertThat(product.price()).isEqualTo(new BigDecimal("12.50"));
		assertThat(product.name()).isEqualTo("Domain-Driven Design");
		assertThat(product.available()).isEqualTo(10);
		assertThat(product.reserved()).isZero();
		assertThat(product.received()).isEqualTo(10);
		assertThat(product.takeEvents()).containsExactly(new PendingEvent("BOOK-1", 1,
				new ProductRegistered("BOOK-1", "Domain-Driven Design", new BigDecimal("12.50"), 10)));
	}

	@Test
	void refusesInvalidRegistrations() {
		assertThatIllegalArgumentException().isThrownBy(() -> Product.register("no spaces", "n", BigDecimal.ONE, 1));
		assertThatIllegalArgumentException().isThrownBy(() -> Product.register("A", " ", BigDecimal.ONE, 1));
		assertThatIllegalArgumentException().isThrownBy(() -> Product.register("A", "n", BigDecimal.ZERO, 1));
		assertThatIllegalArgumentException().isThrownBy(() -> Product.register("A", "n", new BigDecimal("1.001"), 1));
		assertThatIllegalArgumentException().isThrownBy(() -> Product.register("A", "n", BigDecimal.ONE, -1));
	}

	@Test
	void addsStockAndNumbersEventsInSequence() {
		Product product = Product.register("A", "n", BigDecimal.ONE, 2);
		product.takeEvents();

		product.addStock(5);

		assertThat(product.available()).isEqualTo(7);
		assertThat(product.received()).isEqualTo(7);
		assertThat(product.takeEvents()).containsExactly(new PendingEvent("A", 2, new StockAdded("A", 5, 7)));
		assertThat(product.takeEvents()).isEmpty();
	}

	@Test
	void refusesToAddLessThanOneOrMoreThanItCanCount() {
		Product product = Product.register("A", "n", BigDecimal.ONE, 2);

		assertThatIllegalArgumentException().isThrownBy(() -> product.addStock(0));
		assertThatIllegalArgumentException().isThrownBy(() -> product.addStock(Integer.MAX_VALUE));
		assertThat(product.available()).isEqualTo(2);
	}

	@Test
	void reservesAndReleasesWhileConservingStock() {
		Product product = Product.register("A", "n", BigDecimal.ONE, 5);

		product.reserve(3);
		assertThat(product.available()).isEqualTo(2);
		assertThat(product.reserved()).isEqualTo(3);

		product.release(2);
		assertThat(product.available()).isEqualTo(4);
		assertThat(product.reserved()).isEqualTo(1);
		assertThat(product.available() + product.reserved()).isEqualTo(product.received());
	}

	@Test
	void neverGoesNegative() {
		Product product = Product.register("A", "n", BigDecimal.ONE, 1);

		assertThatIllegalStateException().isThrownBy(() -> product.reserve(2));
		assertThatIllegalStateException().isThrownBy(() -> product.release(1));
		assertThat(product.available()).isEqualTo(1);
		assertThat(product.reserved()).isZero();
	}

}
