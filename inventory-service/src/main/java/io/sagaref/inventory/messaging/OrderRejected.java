package io.sagaref.inventory.messaging;

import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The fields of order-service's OrderRejected that inventory reads.
 *
 * @param orderId the rejected order
 * @param reason why, e.g. TIMED_OUT when the saga's deadline passed
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record OrderRejected(UUID orderId, String reason) {

	OrderRejected {
		Objects.requireNonNull(orderId, "orderId");
		Objects.requireNonNull(reason, "reason");
	}

	boolean timedOut() {
		return "TIMED_OUT".equals(this.reason);
	}

}
