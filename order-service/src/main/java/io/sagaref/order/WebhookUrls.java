package io.sagaref.order;

import java.util.UUID;

/**
 * The replica of the webhook URLs customers registered with notification-service, so an
 * order's callback URL is checked without calling that service. The persistence adapter
 * implements it.
 */
public interface WebhookUrls {

	/**
	 * @param customerId a customer
	 * @param url a URL as the order names it
	 * @return whether it is one of the customer's registered, not removed, webhook URLs
	 */
	boolean isRegistered(CustomerId customerId, String url);

	/**
	 * Applies a registration or removal, unless the replica already holds a later event
	 * of the endpoint.
	 * @param webhookId the endpoint
	 * @param customerId its owner
	 * @param url its URL
	 * @param sequence the endpoint's event sequence
	 * @param removed whether the event removed it
	 */
	void apply(UUID webhookId, CustomerId customerId, String url, long sequence, boolean removed);

}
