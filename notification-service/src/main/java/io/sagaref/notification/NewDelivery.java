package io.sagaref.notification;

import java.util.UUID;

/**
 * An order outcome to queue for an endpoint; stored at most once per event and endpoint.
 *
 * @param id the new delivery's id
 * @param webhookId the endpoint
 * @param eventId the order event it reports (with the endpoint, its unique key)
 * @param type the webhook event type
 * @param orderId the order
 * @param body the exact JSON body every attempt sends
 */
public record NewDelivery(DeliveryId id, WebhookId webhookId, UUID eventId, String type, UUID orderId, String body) {
}
