package io.sagaref.notification;

import java.util.List;
import java.util.Optional;

/**
 * The registered endpoints.
 */
public interface Webhooks {

	/**
	 * @param webhook a new endpoint
	 * @throws IllegalStateException if the customer has an active endpoint with that URL
	 */
	void add(Webhook webhook);

	Optional<Webhook> find(CustomerId customerId, WebhookId id);

	/**
	 * @param id an endpoint
	 * @return it, locked for change until the transaction ends
	 */
	Optional<Webhook> lock(WebhookId id);

	List<Webhook> of(CustomerId customerId);

	/**
	 * @param customerId a customer
	 * @return their endpoints that receive deliveries
	 */
	List<Webhook> activeOf(CustomerId customerId);

	/**
	 * Marks an endpoint disabled and counts the event that says so.
	 * @param id the endpoint
	 */
	void disable(WebhookId id);

	/**
	 * Deletes an endpoint and its deliveries.
	 * @param id the endpoint
	 */
	void delete(WebhookId id);

}
