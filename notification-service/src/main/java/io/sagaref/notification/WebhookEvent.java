package io.sagaref.notification;

import java.net.URI;

/**
 * What notification-service tells the others about endpoints, on
 * {@code notifications.events}: order-service keeps a replica of each customer's URLs to
 * check an order's {@code callbackUrl} without calling this service.
 */
public sealed interface WebhookEvent {

	WebhookId webhookId();

	/**
	 * An endpoint was registered.
	 *
	 * @param webhookId the endpoint
	 * @param customerId its owner
	 * @param url its URL
	 */
	record WebhookRegistered(WebhookId webhookId, CustomerId customerId, URI url) implements WebhookEvent {
	}

	/**
	 * An endpoint was deleted or disabled (it answered 410): it gets no more deliveries.
	 *
	 * @param webhookId the endpoint
	 * @param customerId its owner
	 * @param url its URL
	 */
	record WebhookRemoved(WebhookId webhookId, CustomerId customerId, URI url) implements WebhookEvent {
	}

}
