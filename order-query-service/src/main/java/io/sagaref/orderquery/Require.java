package io.sagaref.orderquery;

import org.jspecify.annotations.Nullable;

/**
 * Guards of the facts the view is built from: an event without a field the contract
 * requires is invalid, which the error policy treats as poison rather than retrying it.
 */
final class Require {

	private Require() {
	}

	static <T> T present(@Nullable T value, String name) {
		if (value == null) {
			throw new IllegalArgumentException(name + " is missing");
		}
		return value;
	}

}
