package io.sagaref.payment;

import java.util.Objects;

/**
 * A line of a paid order, carried on PaymentCompleted so that inventory can reserve it
 * without asking another service.
 *
 * @param sku the product
 * @param quantity how many, at least 1
 */
public record OrderLine(String sku, int quantity) {

	public OrderLine {
		Objects.requireNonNull(sku, "sku");
		if (quantity < 1) {
			throw new IllegalArgumentException("quantity of " + sku + " must be at least 1, was " + quantity);
		}
	}

}
