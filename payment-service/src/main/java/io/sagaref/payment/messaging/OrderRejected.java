package io.sagaref.payment.messaging;

import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The fields of order-service's OrderRejected that payment reads.
 *
 * @param orderId the rejected order
 * @param reason why, e.g. TIMED_OUT
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record OrderRejected(UUID orderId, String reason) {

	OrderRejected {
		Objects.requireNonNull(orderId, "orderId");
		Objects.requireNonNull(reason, "reason");
	}

}
