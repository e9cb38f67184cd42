package io.sagaref.legacy.web;

import java.math.BigDecimal;

import io.sagaref.legacy.Product;

/**
 * A product in the public shape of {@code GET /api/products/{sku}}: the same fields as
 * inventory-service answers, so a client cannot tell the two apart while they agree.
 *
 * @param sku the product
 * @param name its name
 * @param price its unit price
 * @param available stock that can be ordered
 * @param reserved stock held for orders
 */
record ProductView(String sku, String name, BigDecimal price, int available, int reserved) {

	static ProductView of(Product product) {
		return new ProductView(product.sku(), product.name(), product.price(), product.available(), product.reserved());
	}

}
