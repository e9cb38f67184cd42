package io.sagaref.notification;

import java.net.URI;

/**
 * A due delivery a worker has claimed for one attempt, with what it needs to send it.
 *
 * @param id the delivery
 * @param webhookId the endpoint
 * @param url where to POST
 * @param secret what to sign with
 * @param body what to send
 * @param attempts attempts made before this one
 */
public record ClaimedDelivery(DeliveryId id, WebhookId webhookId, URI url, WebhookSecret secret, String body,
		int attempts) {
}
