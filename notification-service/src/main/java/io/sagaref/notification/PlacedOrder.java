package io.sagaref.notification;

import java.math.BigDecimal;
import java.net.URI;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * What OrderPlaced told about an order that its outcome does not repeat.
 *
 * @param orderId the order
 * @param customerId who placed it
 * @param total its total
 * @param callbackUrl the one endpoint to tell, if the order named one
 */
public record PlacedOrder(UUID orderId, CustomerId customerId, BigDecimal total, @Nullable URI callbackUrl) {
}
