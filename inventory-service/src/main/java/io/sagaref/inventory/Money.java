package io.sagaref.inventory;

import java.math.BigDecimal;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A sum of money in whole cents, such as a product's price. The one place the
 * two-decimals rule lives: an amount with fractions of a cent is refused, and every
 * amount has scale 2, so equal sums look equal in events, responses and the database
 * ({@code 25} is {@code 25.00}). Written to JSON as a plain number ({@code 25.00}), as
 * the contracts and the API promise.
 *
 * @param amount the sum, with scale 2
 */
public record Money(BigDecimal amount) implements Comparable<Money> {

	/** Nothing. */
	public static final Money ZERO = new Money(BigDecimal.ZERO);

	/**
	 * @param amount the sum, at most 2 decimals (trailing zeros do not count)
	 * @throws IllegalArgumentException if it has fractions of a cent
	 */
	public Money {
		Objects.requireNonNull(amount, "amount");
		if (amount.stripTrailingZeros().scale() > 2) {
			throw new IllegalArgumentException("An amount must have at most 2 decimals, was " + amount);
		}
		amount = amount.setScale(2);
	}

	public static Money of(BigDecimal amount) {
		return new Money(amount);
	}

	/**
	 * @param amount a decimal number, e.g. {@code "12.50"}
	 * @return the amount
	 * @throws NumberFormatException if it is not a number
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

	public boolean isLessThan(Money other) {
		return compareTo(other) < 0;
	}

	public boolean isGreaterThan(Money other) {
		return compareTo(other) > 0;
	}

	@Override
	public int compareTo(Money other) {
		return this.amount.compareTo(other.amount);
	}

	/**
	 * @return the sum with scale 2, also its JSON form
	 */
	@Override
	@JsonValue
	public BigDecimal amount() {
		return this.amount;
	}

	/**
	 * @return the sum as written, e.g. {@code 25.00}
	 */
	@Override
	public String toString() {
		return this.amount.toPlainString();
	}

}
