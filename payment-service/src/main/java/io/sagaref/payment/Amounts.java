package io.sagaref.payment;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The one rule every sum of money follows: whole cents, stored as {@code numeric(19,2)}.
 * Amounts leave here with scale 2, so equal sums look equal in events and responses.
 */
final class Amounts {

	private static final int MAX_INTEGER_DIGITS = 17;

	private Amounts() {
	}

	static BigDecimal positive(BigDecimal amount, String what) {
		BigDecimal cents = cents(amount, what);
		if (cents.signum() <= 0) {
			throw new IllegalArgumentException(what + " must be greater than 0, was " + amount);
		}
		return cents;
	}

	static BigDecimal nonNegative(BigDecimal amount, String what) {
		BigDecimal cents = cents(amount, what);
		if (cents.signum() < 0) {
			throw new IllegalArgumentException(what + " must not be negative, was " + amount);
		}
		return cents;
	}

	private static BigDecimal cents(BigDecimal amount, String what) {
		Objects.requireNonNull(amount, what);
		if (amount.stripTrailingZeros().scale() > 2) {
			throw new IllegalArgumentException(what + " must have at most 2 decimals, was " + amount);
		}
		BigDecimal cents = amount.setScale(2);
		if (cents.precision() - cents.scale() > MAX_INTEGER_DIGITS) {
			throw new IllegalArgumentException(what + " is too large, was " + amount);
		}
		return cents;
	}

}
