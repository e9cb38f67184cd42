package io.sagaref.orderquery;

import java.math.BigDecimal;
import java.math.RoundingMode;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * An amount as the saga priced it: prices, totals, payments. Always two decimals; an
 * amount announced with more is rounded half away from zero, which is what the read
 * model's {@code numeric(19, 2)} columns have always done with it, so the view shows the
 * same amount as before money had a type.
 *
 * @param amount the amount, scale 2
 */
public record Money(@JsonValue BigDecimal amount) implements Comparable<Money> {

	/** No money. */
	public static final Money ZERO = new Money(BigDecimal.ZERO);

	private static final int SCALE = 2;

	@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
	public Money {
		amount = Require.present(amount, "amount").setScale(SCALE, RoundingMode.HALF_UP);
	}

	public static Money of(BigDecimal amount) {
		return new Money(amount);
	}

	/**
	 * @param amount a decimal as text, e.g. {@code "12.50"}
	 * @return the amount
	 * @throws NumberFormatException if the text is not a decimal
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

	public boolean isGreaterThan(Money other) {
		return compareTo(other) > 0;
	}

	@Override
	public int compareTo(Money other) {
		return this.amount.compareTo(other.amount);
	}

	/**
	 * @return the amount in plain notation with two decimals, e.g. {@code 25.00}
	 */
	@Override
	public String toString() {
		return this.amount.toPlainString();
	}

}
