package io.sagaref.notification.messaging;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;

/**
 * The fields of order-service's events that notification-service reads (tolerant readers:
 * anything else is ignored). Checked against the contract's examples.
 */
final class OrderEvents {

	private OrderEvents() {
	}

	/**
	 * @param orderId the order
	 * @param customerId who placed it
	 * @param total its total
	 * @param callbackUrl the endpoint to tell of the outcome, if the order named one
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record OrderPlaced(UUID orderId, UUID customerId, BigDecimal total, @Nullable String callbackUrl) {

		OrderPlaced {
			Objects.requireNonNull(orderId, "orderId");
			Objects.requireNonNull(customerId, "customerId");
			Objects.requireNonNull(total, "total");
		}

	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record OrderConfirmed(UUID orderId, UUID customerId) {

		OrderConfirmed {
			Objects.requireNonNull(orderId, "orderId");
			Objects.requireNonNull(customerId, "customerId");
		}

	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record OrderRejected(UUID orderId, UUID customerId, String reason) {

		OrderRejected {
			Objects.requireNonNull(orderId, "orderId");
			Objects.requireNonNull(customerId, "customerId");
			Objects.requireNonNull(reason, "reason");
		}

	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record OrderCancelled(UUID orderId, UUID customerId) {

		OrderCancelled {
			Objects.requireNonNull(orderId, "orderId");
			Objects.requireNonNull(customerId, "customerId");
		}

	}

}
