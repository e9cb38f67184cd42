package io.sagaref.inventory.messaging;

import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The field of order-service's OrderCancelled that inventory reads.
 *
 * @param orderId the cancelled order
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record OrderCancelled(UUID orderId) {

	OrderCancelled {
		Objects.requireNonNull(orderId, "orderId");
	}

}
