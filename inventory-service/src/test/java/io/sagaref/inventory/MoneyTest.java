package io.sagaref.inventory;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class MoneyTest {

	@Test
	void alwaysHasTwoDecimalsSoEqualSumsAreEqual() {
		assertThat(Money.of("25").amount()).isEqualTo(new BigDecimal("25.00"));
		assertThat(Money.of("25")).isEqualTo(Money.of("25.000"));
		assertThat(Money.of(new BigDecimal("12.5"))).hasToString("12.50");
	}

	@Test
	void refusesFractionsOfACent() {
		assertThatIllegalArgumentException().isThrownBy(() -> Money.of("10.005")).withMessageContaining("10.005");
		assertThatIllegalArgumentException().isThrownBy(() -> Money.of(new BigDecimal("0.001")));
	}

	@Test
	void addsSubtractsAndMultiplies() {
		assertThat(Money.of("9.99").plus(Money.of("0.01"))).isEqualTo(Money.of("10"));
		assertThat(Money.of("10").minus(Money.of("12.50"))).isEqualTo(Money.of("-2.50"));
		assertThat(Money.of("9.99").times(3)).isEqualTo(Money.of("29.97"));
		assertThat(Money.ZERO.times(5)).isEqualTo(Money.ZERO);
	}

	@Test
	void comparesBySum() {
		assertThat(Money.of("1.00").isPositive()).isTrue();
		assertThat(Money.ZERO.isPositive()).isFalse();
		assertThat(Money.of("-0.01").isPositive()).isFalse();
		assertThat(Money.of("1").isLessThan(Money.of("1.01"))).isTrue();
		assertThat(Money.of("1.01").isGreaterThan(Money.of("1"))).isTrue();
		assertThat(Money.of("2")).isEqualByComparingTo(Money.of("2.00"));
	}

	@Test
	void isWrittenToJsonAsANumberWithTwoDecimals() {
		assertThat(JsonMapper.builder().build().writeValueAsString(Money.of("25"))).isEqualTo("25.00");
	}

}
