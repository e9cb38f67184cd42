package io.sagaref.orderquery;

/**
 * One line of an order as it was placed and priced.
 *
 * @param sku the product
 * @param quantity how many
 * @param unitPrice the price of one, fixed when the order was placed
 */
public record Line(String sku, int quantity, Money unitPrice) {

	public Line {
		Require.present(sku, "line sku");
		Require.present(unitPrice, "line unitPrice");
	}

}
