package io.sagaref.notification;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One order outcome queued for one endpoint, as its log shows it.
 *
 * @param id the delivery, sent as {@code webhook-id}
 * @param webhookId the endpoint
 * @param type the webhook event type, e.g. {@code order.confirmed}
 * @param orderId the order
 * @param status where it stands
 * @param attempts how many attempts were made
 * @param lastStatusCode the HTTP status of the last attempt, if it got one
 * @param lastError why the last attempt failed without a status, if it did
 * @param lastAttemptAt when the last attempt was made
 * @param nextAttemptAt when the next attempt is due, while pending
 */
public record Delivery(DeliveryId id, WebhookId webhookId, String type, UUID orderId, DeliveryStatus status,
		int attempts, @Nullable Integer lastStatusCode, @Nullable String lastError, @Nullable Instant lastAttemptAt,
		@Nullable Instant nextAttemptAt) {
}
