package io.sagaref.payment;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class MoneyTest {

	@Test
	void keepsWholeCentsWithTwoDecimals() {
		assertThat(Money.of("25").amount()).isEqualTo(new BigDecimal("25.00"));
		assertThat(Money.of("10.5").amount()).isEqualTo(new BigDecimal("10.50"));
		assertThat(Money.of("1.000").amount()).isEqualTo(new BigDecimal("1.00"));
		assertThat(Money.of(new BigDecimal("2.5"))).isEqualTo(Money.of("2.50"));
		assertThat(Money.ZERO.amount()).isEqualTo(new BigDecimal("0.00"));
		assertThat(Money.of("99999999999999999.99")).hasToString("99999999999999999.99");
	}

	@Test
	void refusesFractionsOfACent() {
		assertThatIllegalArgumentException().isThrownBy(() -> Money.of("1.005"))
			.withMessageContaining("at most 2 decimals")
			.withMessageContaining("1.005");
		assertThatIllegalArgumentException().isThrownBy(() -> Money.of("0.001"));
		assertThatIllegalArgumentException().isThrownBy(() -> new Money(new BigDecimal("-10.001")));
	}

	@Test
	void addsSubtractsAndMultiplies() {
		assertThat(Money.of("10.00").plus(Money.of("2.25"))).isEqualTo(Money.of("12.25"));
		assertThat(Money.of("10.00").minus(Money.of("12.50"))).isEqualTo(Money.of("-2.50"));
		assertThat(Money.of("12.50").times(3)).isEqualTo(Money.of("37.50"));
	}

	@Test
	void compares() {
		assertThat(Money.of("5.00").isLessThan(Money.of("5.01"))).isTrue();
		assertThat(Money.of("5.00").isLessThan(Money.of("5"))).isFalse();
		assertThat(Money.of("5.01").isGreaterThan(Money.of("5.00"))).isTrue();
		assertThat(Money.of("5")).isEqualByComparingTo(Money.of("5.00"));
	}

	@Test
	void checksWhatAnAccountOrPaymentMayHold() {
		assertThat(Money.ZERO.requireNonNegative("total")).isEqualTo(Money.ZERO);
		assertThat(Money.of("0.01").requirePositive("amount")).isEqualTo(Money.of("0.01"));
		assertThatIllegalArgumentException().isThrownBy(() -> Money.ZERO.requirePositive("amount"))
			.withMessage("amount must be greater than 0, was 0.00");
		assertThatIllegalArgumentException().isThrownBy(() -> Money.of("-0.01").requireNonNegative("total"))
			.withMessage("total must not be negative, was -0.01");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Money.of("100000000000000000").requireNonNegative("total"))
			.withMessageContaining("total is too large");
		assertThat(Money.of("99999999999999999.99").requirePositive("amount")).isNotNull();
	}

	@Test
	void isWrittenAsAPlainNumberWithTwoDecimals() {
		assertThat(JsonMapper.builder().build().writeValueAsString(Money.of("25"))).isEqualTo("25.00");
	}

}
