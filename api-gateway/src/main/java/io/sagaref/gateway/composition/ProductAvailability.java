package io.sagaref.gateway.composition;

import tools.jackson.databind.JsonNode;

/**
 * How many units of a product the customer could still get, for the products in the
 * customer's open orders.
 *
 * @param sku the product
 * @param name its name
 * @param available units in stock and not reserved
 */
public record ProductAvailability(String sku, String name, long available) {

	static ProductAvailability from(JsonNode product) {
		return new ProductAvailability(product.path("sku").asString(), product.path("name").asString(),
				product.path("available").asLong());
	}

}
