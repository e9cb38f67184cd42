package io.sagaref.order;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class MoneyTest {

	@Test
	void alwaysHasTwoDecimals() {
		assertThat(Money.of("12.5").amount()).isEqualTo(new BigDecimal("12.50"));
		assertThat(Money.of(new BigDecimal("7")).amount()).isEqualTo(new BigDecimal("7.00"));
		assertThat(Money.of("1.500").amount()).isEqualTo(new BigDecimal("1.50"));
		assertThat(Money.ZERO.amount()).isEqualTo(new BigDecimal("0.00"));
		assertThat(Money.of("12.5")).isEqualTo(Money.of("12.50")).hasToString("12.50");
	}

	@Test
	void refusesMoreThanTwoDecimalsInsteadOfRounding() {
		assertThatIllegalArgumentException().isThrownBy(() -> Money.of("10.005")).withMessageContaining("10.005");
		assertThatIllegalArgumentException().isThrownBy(() -> Money.of(new BigDecimal("0.001")));
	}

	@Test
	void addsSubtractsAndMultipliesExactly() {
		assertThat(Money.of("0.10").plus(Money.of("0.20"))).isEqualTo(Money.of("0.30"));
		assertThat(Money.of("10.00").minus(Money.of("12.50"))).isEqualTo(Money.of("-2.50"));
		assertThat(Money.of("12.50").times(3)).isEqualTo(Money.of("37.50"));
		assertThat(Money.of("12.50").times(3).amount().scale()).isEqualTo(2);
	}

	@Test
	void comparesByAmount() {
		assertThat(Money.of("2.00")).isGreaterThan(Money.of("1.99"));
		assertThat(Money.of("2.00").isGreaterThan(Money.of("2"))).isFalse();
		assertThat(Money.of("0.01").isPositive()).isTrue();
		assertThat(Money.ZERO.isPositive()).isFalse();
		assertThat(Money.of("-0.01").isPositive()).isFalse();
	}

}
