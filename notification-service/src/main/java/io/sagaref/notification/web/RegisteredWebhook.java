package io.sagaref.notification.web;

import java.util.UUID;

import io.sagaref.notification.Webhook;

/**
 * The answer to a registration: the only time the secret is shown.
 *
 * @param webhookId the endpoint
 * @param url its URL
 * @param secret the signing secret ({@code whsec_<base64>})
 */
record RegisteredWebhook(UUID webhookId, String url, String secret) {

	static RegisteredWebhook of(Webhook webhook) {
		return new RegisteredWebhook(webhook.id().value(), webhook.url().toString(), webhook.secret().value());
	}

}
