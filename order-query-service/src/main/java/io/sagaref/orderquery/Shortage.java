package io.sagaref.orderquery;

/**
 * A line inventory could not reserve, and why: more was requested than was available.
 *
 * @param sku the product
 * @param requested the quantity the order asked for
 * @param available the quantity in stock at the time
 */
public record Shortage(String sku, int requested, int available) {

	public Shortage {
		Require.present(sku, "shortage sku");
	}

}
