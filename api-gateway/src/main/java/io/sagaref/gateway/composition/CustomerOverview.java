package io.sagaref.gateway.composition;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One customer's account, orders and the availability of what they ordered, joined from
 * three services. A part whose source failed is {@code null} and its source is named in
 * {@code unavailable}, so a client can tell "no orders" from "orders unknown".
 *
 * @param customerId the customer
 * @param account the account as payment-service shows it, or {@code null}
 * @param orders the customer's orders from the read model, or {@code null}
 * @param availability stock of the products in open (PENDING or CONFIRMED) orders, or
 * {@code null} if it is unknown (inventory-service or the orders unavailable)
 * @param partial whether any part is missing
 * @param unavailable the services that did not answer in time or correctly
 */
public record CustomerOverview(UUID customerId, @Nullable JsonNode account, @Nullable List<JsonNode> orders,
		@Nullable List<ProductAvailability> availability, boolean partial, List<String> unavailable) {

}
