package io.sagaref.inventory;

import java.math.BigDecimal;

import io.sagaref.inventory.ProductEvent.ProductRegistered;
import io.sagaref.inventory.ProductEvent.StockAdded;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class ProductTest {

	private static final Money ONE = Money.of("1");

	@Test
	void registersWithItsInitialStockAvailableAndRecordsTheFact() {
		Product product = Product.register("BOOK-1", " Domain-Driven Design ", Money.of("12.5"), 10);

		assertThat(product.price().amount()).isEqualTo(new BigDecimal("12.50"));
		assertThat(product.name()).isEqualTo("Domain-Driven Design");
		assertThat(product.available()).isEqualTo(10);
		assertThat(product.reserved()).isZero();
		assertThat(product.received()).isEqualTo(10);
		assertThat(product.takeEvents()).containsExactly(new RecordedEvent<>("BOOK-1", 1,
				new ProductRegistered("BOOK-1", "Domain-Driven Design", Money.of("12.50"), 10)));
	}

	@Test
	void refusesInvalidRegistrations() {
		assertThatIllegalArgumentException().isThrownBy(() -> Product.register("no spaces", "n", ONE, 1));
		assertThatIllegalArgumentException().isThrownBy(() -> Product.register("A", " ", ONE, 1));
		assertThatIllegalArgumentException().isThrownBy(() -> Product.register("A", "n", Money.ZERO, 1));
		assertThatIllegalArgumentException().isThrownBy(() -> Product.register("A", "n", Money.of("-1"), 1));
		assertThatIllegalArgumentException().isThrownBy(() -> Product.register("A", "n", Money.of("1.001"), 1));
		assertThatIllegalArgumentException().isThrownBy(() -> Product.register("A", "n", ONE, -1));
	}

	@Test
	void addsStockAndNumbersEventsInSequence() {
		Product product = Product.register("A", "n", ONE, 2);
		product.takeEvents();

		product.addStock(5);

		assertThat(product.available()).isEqualTo(7);
		assertThat(product.received()).isEqualTo(7);
		assertThat(product.takeEvents()).containsExactly(new RecordedEvent<>("A", 2, new StockAdded("A", 5, 7)));
		assertThat(product.takeEvents()).isEmpty();
	}

	@Test
	void refusesToAddLessThanOneOrMoreThanItCanCount() {
		Product product = Product.register("A", "n", ONE, 2);

		assertThatIllegalArgumentException().isThrownBy(() -> product.addStock(0));
		assertThatIllegalArgumentException().isThrownBy(() -> product.addStock(Integer.MAX_VALUE));
		assertThat(product.available()).isEqualTo(2);
	}

	@Test
	void reservesAndReleasesWhileConservingStock() {
		Product product = Product.register("A", "n", ONE, 5);

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
		Product product = Product.register("A", "n", ONE, 1);

		assertThatIllegalStateException().isThrownBy(() -> product.reserve(2));
		assertThatIllegalStateException().isThrownBy(() -> product.release(1));
		assertThat(product.available()).isEqualTo(1);
		assertThat(product.reserved()).isZero();
	}

}
