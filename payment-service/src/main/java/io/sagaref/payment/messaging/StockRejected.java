package io.sagaref.payment.messaging;

import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The fields of inventory-service's StockRejected that payment reads.
 *
 * @param orderId the order whose stock could not be reserved
 * @param reason OUT_OF_STOCK or ORDER_CLOSED
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record StockRejected(UUID orderId, String reason) {

	StockRejected {
		Objects.requireNonNull(orderId, "orderId");
		Objects.requireNonNull(reason, "reason");
	}

}
