package io.sagaref.orderquery;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class MoneyTest {

	@Test
	void alwaysHasTwoDecimals() {
		assertThat(Money.of("25").amount()).isEqualTo(new BigDecimal("25.00"));
		assertThat(Money.of(new BigDecimal("12.5"))).isEqualTo(Money.of("12.50"));
		assertThat(Money.of("12345678901234567.89")).hasToString("12345678901234567.89");
	}

	@Test
	void roundsMoreDecimalsHalfAwayFromZeroAsTheNumericColumnsDo() {
		assertThat(Money.of("10.005")).isEqualTo(Money.of("10.01"));
		assertThat(Money.of("10.004")).isEqualTo(Money.of("10.00"));
		assertThat(Money.of("-10.005")).isEqualTo(Money.of("-10.01"));
	}

	@Test
	void addsSubtractsMultipliesAndCompares() {
		Money price = Money.of("12.50");

		assertThat(price.times(2)).isEqualTo(Money.of("25.00"));
		assertThat(price.plus(Money.of("0.75"))).isEqualTo(Money.of("13.25"));
		assertThat(price.minus(price)).isEqualTo(Money.ZERO);
		assertThat(price.isGreaterThan(Money.ZERO)).isTrue();
		assertThat(Money.ZERO.isGreaterThan(price)).isFalse();
		assertThat(price).isEqualByComparingTo(Money.of("12.5"));
	}

	@Test
	void anAmountIsRequired() {
		assertThatIllegalArgumentException().isThrownBy(() -> Money.of((BigDecimal) null))
			.withMessage("amount is missing");
	}

}
