package io.sagaref.notification.application;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.util.List;
import java.util.NoSuchElementException;

import io.sagaref.notification.CustomerId;
import io.sagaref.notification.Deliveries;
import io.sagaref.notification.Delivery;
import io.sagaref.notification.DeliveryId;
import io.sagaref.notification.TargetPolicy;
import io.sagaref.notification.Webhook;
import io.sagaref.notification.WebhookId;
import io.sagaref.notification.Webhooks;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The use cases of a customer's endpoints: register one (vetted by the target policy),
 * list, delete, read its delivery log and queue a delivery again. Registration and
 * removal publish an event in the same transaction, for order-service's replica.
 */
@Service
public class WebhookService {

	private final Webhooks webhooks;

	private final Deliveries deliveries;

	private final TargetPolicy policy;

	private final EventPublisher events;

	private final Clock clock;

	WebhookService(Webhooks webhooks, Deliveries deliveries, TargetPolicy policy, EventPublisher events, Clock clock) {
		this.webhooks = webhooks;
		this.deliveries = deliveries;
		this.policy = policy;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * @param customerId the owner
	 * @param url the URL as the client wrote it
	 * @return the new endpoint, with its secret
	 * @throws io.sagaref.notification.RefusedTargetException if the target policy refuses
	 * the URL
	 * @throws IllegalStateException if the customer already registered it
	 */
	@Transactional
	public Webhook register(CustomerId customerId, String url) {
		URI target = parse(url);
		this.policy.vet(target);
		Webhook webhook = Webhook.register(customerId, target, this.clock.instant());
		this.webhooks.add(webhook);
		this.events.registered(webhook);
		return webhook;
	}

	/**
	 * @param url a URL as a client wrote it
	 * @return it parsed
	 * @throws MalformedUrlException if it is not a URL
	 */
	public static URI parse(String url) {
		try {
			URI uri = new URI(url.strip());
			if (!uri.isAbsolute()) {
				throw new MalformedUrlException("url must be an absolute http(s) URL: '" + url + "'");
			}
			return uri;
		}
		catch (URISyntaxException ex) {
			throw new MalformedUrlException("url is not a URL: " + ex.getMessage());
		}
	}

	@Transactional(readOnly = true)
	public List<Webhook> of(CustomerId customerId) {
		return this.webhooks.of(customerId);
	}

	/**
	 * Deletes an endpoint and its delivery log.
	 * @param customerId the owner
	 * @param id the endpoint
	 * @throws NoSuchElementException if the customer has no such endpoint
	 */
	@Transactional
	public void remove(CustomerId customerId, WebhookId id) {
		Webhook webhook = find(customerId, id);
		this.webhooks.lock(id);
		this.webhooks.delete(id);
		if (webhook.isActive()) {
			this.events.removed(webhook, webhook.eventSequence() + 1);
		}
	}

	/**
	 * @param customerId the owner
	 * @param id the endpoint
	 * @return its deliveries, oldest first
	 * @throws NoSuchElementException if the customer has no such endpoint
	 */
	@Transactional(readOnly = true)
	public List<Delivery> deliveries(CustomerId customerId, WebhookId id) {
		find(customerId, id);
		return this.deliveries.of(id);
	}

	/**
	 * Queues a delivery for an attempt now, whatever its status; its id, so its
	 * {@code webhook-id}, stays the same.
	 * @param customerId the owner
	 * @param id the endpoint
	 * @param deliveryId the delivery
	 * @throws NoSuchElementException if there is no such endpoint or delivery
	 * @throws IllegalStateException if the endpoint is disabled
	 */
	@Transactional
	public void retry(CustomerId customerId, WebhookId id, DeliveryId deliveryId) {
		Webhook webhook = find(customerId, id);
		this.deliveries.find(id, deliveryId)
			.orElseThrow(() -> new NoSuchElementException("No delivery " + deliveryId + " of webhook " + id));
		if (!webhook.isActive()) {
			throw new IllegalStateException("Webhook " + id + " is disabled (its endpoint answered 410 Gone)");
		}
		this.deliveries.requeue(deliveryId, this.clock.instant());
	}

	private Webhook find(CustomerId customerId, WebhookId id) {
		return this.webhooks.find(customerId, id)
			.orElseThrow(() -> new NoSuchElementException("No webhook " + id + " of customer " + customerId));
	}

	/** A registration whose url is not a URL at all (400, not 422). */
	public static class MalformedUrlException extends RuntimeException {

		MalformedUrlException(String message) {
			super(message);
		}

	}

}
