package io.sagaref.notification.web;

import java.time.Instant;
import java.util.UUID;

import io.sagaref.notification.Delivery;
import org.jspecify.annotations.Nullable;

/**
 * A line of an endpoint's delivery log.
 *
 * @param deliveryId the delivery, also its {@code webhook-id}
 * @param type e.g. {@code order.confirmed}
 * @param orderId the order
 * @param status PENDING, DELIVERED or FAILED
 * @param attempts attempts made
 * @param lastStatusCode the HTTP status of the last attempt, if it got one
 * @param lastError why the last attempt got no status, if it did not
 * @param lastAttemptAt when the last attempt was made
 * @param nextAttemptAt when the next is due, while pending
 */
record DeliveryResponse(UUID deliveryId, String type, UUID orderId, String status, int attempts,
		@Nullable Integer lastStatusCode, @Nullable String lastError, @Nullable Instant lastAttemptAt,
		@Nullable Instant nextAttemptAt) {

	static DeliveryResponse of(Delivery delivery) {
		return new DeliveryResponse(delivery.id().value(), delivery.type(), delivery.orderId(),
				delivery.status().name(), delivery.attempts(), delivery.lastStatusCode(), delivery.lastError(),
				delivery.lastAttemptAt(), delivery.nextAttemptAt());
	}

}
