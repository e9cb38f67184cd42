package io.sagaref.gateway.composition;

import java.util.List;
import java.util.Set;

import tools.jackson.databind.JsonNode;

/**
 * Which products matter to a customer now: the skus of their orders that are still open
 * (PENDING or CONFIRMED), read from the read model's order views.
 */
final class OpenOrders {

	private static final Set<String> OPEN_STATUSES = Set.of("PENDING", "CONFIRMED");

	private OpenOrders() {
	}

	/**
	 * The distinct skus of the open orders, sorted.
	 * @param orders order views, each with {@code status} and {@code lines[].sku}
	 * @return the skus, possibly empty
	 */
	static List<String> skus(List<JsonNode> orders) {
		return orders.stream()
			.filter((order) -> OPEN_STATUSES.contains(order.path("status").asString()))
			.flatMap((order) -> order.path("lines").values().stream())
			.map((line) -> line.path("sku").asString())
			.filter((sku) -> !sku.isBlank())
			.distinct()
			.sorted()
			.toList();
	}

}
