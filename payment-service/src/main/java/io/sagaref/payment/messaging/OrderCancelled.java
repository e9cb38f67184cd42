package io.sagaref.payment.messaging;

import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The fields of order-service's OrderCancelled that payment reads.
 *
 * @param orderId the cancelled order
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record OrderCancelled(UUID orderId) {

	OrderCancelled {
		Objects.requireNonNull(orderId, "orderId");
	}

}
