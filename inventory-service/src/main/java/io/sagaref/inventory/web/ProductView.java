package io.sagaref.inventory.web;

import java.math.BigDecimal;

import io.sagaref.inventory.Product;

/**
 * A product as the API shows it.
 *
 * @param sku the product
 * @param name its name
 * @param price its unit price
 * @param available stock that can be ordered
 * @param reserved stock held for orders
 */
record ProductView(String sku, String name, BigDecimal price, int available, int reserved) {

	static ProductView of(Product product) {
		return new ProductView(product.sku(), product.name(), product.price().amount(), product.available(),
				product.reserved());
	}

}
