package io.sagaref.order;

import java.util.Objects;

/**
 * One priced line of an order. The unit price is fixed when the order is placed, so later
 * price changes in the catalog never change an order's total.
 *
 * @param sku the product
 * @param quantity how many, at least 1
 * @param unitPrice the catalog price at placement, greater than zero
 */
public record OrderLine(String sku, int quantity, Money unitPrice) {

	public OrderLine {
		Objects.requireNonNull(sku, "sku");
		Objects.requireNonNull(unitPrice, "unitPrice");
		if (quantity < 1) {
			throw new IllegalArgumentException("Quantity of " + sku + " must be at least 1, was " + quantity);
		}
		if (!unitPrice.isPositive()) {
			throw new IllegalArgumentException("Unit price of " + sku + " must be greater than zero, was " + unitPrice);
		}
	}

	/**
	 * @return quantity times unit price
	 */
	public Money amount() {
		return this.unitPrice.times(this.quantity);
	}

}
