package io.sagaref.order.messaging;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.UUID;

import io.sagaref.order.RejectionReason;

/**
 * order-service's own copies of the payloads it reads, with only the fields it uses; the
 * shared contract's examples keep them in line with the producers (consumer contract
 * tests). A missing field makes the message poison.
 */
final class ConsumedEvents {

	private ConsumedEvents() {
	}

	/** Inventory reserved every line: the order can be confirmed. */
	record StockReserved(UUID orderId) {

		StockReserved {
			Objects.requireNonNull(orderId, "orderId");
		}

	}

	/** Payment refused: the order is rejected for the same reason. */
	record PaymentDeclined(UUID orderId, String reason) {

		PaymentDeclined {
			Objects.requireNonNull(orderId, "orderId");
			Objects.requireNonNull(reason, "reason");
		}

		RejectionReason rejectionReason() {
			return switch (this.reason) {
				case "INSUFFICIENT_FUNDS" -> RejectionReason.INSUFFICIENT_FUNDS;
				case "UNKNOWN_CUSTOMER" -> RejectionReason.UNKNOWN_CUSTOMER;
				default -> throw new IllegalArgumentException("Unknown decline reason " + this.reason);
			};
		}

	}

	/** A payment was given back; only a refund for missing stock ends the order. */
	record PaymentRefunded(UUID orderId, String reason) {

		PaymentRefunded {
			Objects.requireNonNull(orderId, "orderId");
			Objects.requireNonNull(reason, "reason");
		}

		boolean isForMissingStock() {
			return "OUT_OF_STOCK".equals(this.reason);
		}

	}

	/** A product entered (or re-entered) the catalog. */
	record ProductRegistered(String sku, String name, BigDecimal price) {

		ProductRegistered {
			Objects.requireNonNull(sku, "sku");
			Objects.requireNonNull(name, "name");
			Objects.requireNonNull(price, "price");
		}

	}

	/** Stock was added to a product. */
	record StockAdded(String sku) {

		StockAdded {
			Objects.requireNonNull(sku, "sku");
		}

	}

	/** A customer registered a webhook endpoint with notification-service. */
	record WebhookRegistered(UUID webhookId, UUID customerId, String url) {

		WebhookRegistered {
			Objects.requireNonNull(webhookId, "webhookId");
			Objects.requireNonNull(customerId, "customerId");
			Objects.requireNonNull(url, "url");
		}

	}

	/** A webhook endpoint was deleted, or disabled because it answered 410 Gone. */
	record WebhookRemoved(UUID webhookId, UUID customerId, String url) {

		WebhookRemoved {
			Objects.requireNonNull(webhookId, "webhookId");
			Objects.requireNonNull(customerId, "customerId");
			Objects.requireNonNull(url, "url");
		}

	}

}
