package io.sagaref.order;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * An amount of money with exactly two decimals: the one place the rule lives. An amount
 * given with more decimals than two (other than trailing zeros) is refused, never
 * rounded.
 *
 * @param amount the amount, scale 2
 */
public record Money(@JsonValue BigDecimal amount) implements Comparable<Money> {

	/** No money. */
	public static final Money ZERO = new Money(BigDecimal.ZERO);

	public Money {
		Objects.requireNonNull(amount, "amount");
		if (amount.stripTrailingZeros().scale() > 2) {
			throw new IllegalArgumentException("An amount has at most 2 decimals, was " + amount);
		}
		amount = amount.setScale(2, RoundingMode.UNNECESSARY);
	}

	public static Money of(BigDecimal amount) {
		return new Money(amount);
	}

	/**
	 * @param amount e.g. {@code "12.50"}
	 * @return the money
	 * @throws NumberFormatException if the text is not a number
	 */
	public static Money of(String amount) {
		return new Money(new BigDecimal(amount));
	}

	public Money plus(Money other) {
		return new Money(this.amount.add(other.amount));
	}

	public Money minus(Money other) {
		return new Money(this.amount.subtract(other.amount));
	}

	public Money times(int factor) {
		return new Money(this.amount.multiply(BigDecimal.valueOf(factor)));
	}

	public boolean isPositive() {
		return this.amount.signum() > 0;
	}

	public boolean isGreaterThan(Money other) {
		return compareTo(other) > 0;
	}

	@Override
	public int compareTo(Money other) {
		return this.amount.compareTo(other.amount);
	}

	@Override
	public String toString() {
		return this.amount.toPlainString();
	}

}
