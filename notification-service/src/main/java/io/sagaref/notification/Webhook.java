package io.sagaref.notification;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;

/**
 * A customer's registered endpoint. Its events (registered, removed) are numbered by
 * {@code eventSequence}, so the replica order-service keeps applies them in order.
 *
 * @param id the endpoint
 * @param customerId its owner
 * @param url where deliveries are POSTed
 * @param secret what they are signed with
 * @param status whether it still receives deliveries
 * @param eventSequence how many events it has published
 * @param createdAt when it was registered
 */
public record Webhook(WebhookId id, CustomerId customerId, URI url, WebhookSecret secret, WebhookStatus status,
		long eventSequence, Instant createdAt) {

	public Webhook {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(customerId, "customerId");
		Objects.requireNonNull(url, "url");
		Objects.requireNonNull(secret, "secret");
		Objects.requireNonNull(status, "status");
		Objects.requireNonNull(createdAt, "createdAt");
	}

	/**
	 * @param customerId the owner
	 * @param url a vetted target
	 * @param now the time of registration
	 * @return a new active endpoint with a fresh secret, having published its
	 * registration
	 */
	public static Webhook register(CustomerId customerId, URI url, Instant now) {
		return new Webhook(WebhookId.random(), customerId, url, WebhookSecret.random(), WebhookStatus.ACTIVE, 1, now);
	}

	/**
	 * @return whether it receives deliveries
	 */
	public boolean isActive() {
		return this.status == WebhookStatus.ACTIVE;
	}

}
