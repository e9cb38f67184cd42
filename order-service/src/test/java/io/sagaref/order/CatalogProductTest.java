package io.sagaref.order;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class CatalogProductTest {

	@Test
	void appliesANewerRegistrationAndIgnoresAnOlderOrRepeatedOne() {
		var product = CatalogProduct.register("BOOK-1", "DDD", Money.of("12.50"), 2);

		assertThat(product.reregister("DDD 2nd ed.", Money.of("20.00"), 2)).isFalse();
		assertThat(product.reregister("DDD old", Money.of("5.00"), 1)).isFalse();
		assertThat(product.price()).isEqualTo(Money.of("12.50"));

		assertThat(product.reregister("DDD 2nd ed.", Money.of("20.00"), 3)).isTrue();
		assertThat(product.name()).isEqualTo("DDD 2nd ed.");
		assertThat(product.price()).isEqualTo(Money.of("20.00"));
		assertThat(product.lastSequence()).isEqualTo(3);
	}

	@Test
	void stockAddedMovesTheSequenceOnlyForward() {
		var product = CatalogProduct.register("BOOK-1", "DDD", Money.of("12.50"), 1);

		assertThat(product.stockAdded(2)).isTrue();
		assertThat(product.stockAdded(2)).isFalse();
		assertThat(product.reregister("DDD", Money.of("1.00"), 2)).isFalse();
		assertThat(product.lastSequence()).isEqualTo(2);
	}

	@Test
	void refusesAPriceThatIsNotPositiveOrHasMoreThanTwoDecimals() {
		assertThatIllegalArgumentException().isThrownBy(() -> CatalogProduct.register("A", "a", Money.ZERO, 1));
		assertThatIllegalArgumentException().isThrownBy(() -> CatalogProduct.register("A", "a", Money.of("-0.01"), 1));
		assertThatIllegalArgumentException().isThrownBy(() -> Money.of("0.001"));
	}

}
