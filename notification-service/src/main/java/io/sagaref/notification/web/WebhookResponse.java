package io.sagaref.notification.web;

import java.time.Instant;
import java.util.UUID;

import io.sagaref.notification.Webhook;

/**
 * An endpoint as the list shows it, without its secret.
 *
 * @param webhookId the endpoint
 * @param url its URL
 * @param status ACTIVE, or DISABLED once it answered 410 Gone
 * @param createdAt when it was registered
 */
record WebhookResponse(UUID webhookId, String url, String status, Instant createdAt) {

	static WebhookResponse of(Webhook webhook) {
		return new WebhookResponse(webhook.id().value(), webhook.url().toString(), webhook.status().name(),
				webhook.createdAt());
	}

}
