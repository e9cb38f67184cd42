package io.sagaref.gateway.composition;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One customer's account, orders and the availability of what they ordered, joined from
 * three services. The account is always there (without it there is no overview: 503). A
 * part whose source failed is {@code null}, its source is named in {@code unavailable}
 * and the reason is in {@code failures}, so a client can tell "no orders" from "orders
 * unknown", and a slow source from one that is down.
 *
 * @param customerId the customer
 * @param account the account as payment-service shows it
 * @param orders the customer's orders from the read model, or {@code null}
 * @param availability stock of the products in open (PENDING or CONFIRMED) orders, or
 * {@code null} if it is unknown (inventory-service or the orders unavailable)
 * @param partial whether any part is missing
 * @param unavailable the services that did not answer in time or correctly (kept for
 * clients written before {@code failures})
 * @param failures each failed source call: source, section, reason and detail
 */
public record CustomerOverview(UUID customerId, JsonNode account, @Nullable List<JsonNode> orders,
		@Nullable List<ProductAvailability> availability, boolean partial, List<String> unavailable,
		List<SourceFailure> failures) {

}
