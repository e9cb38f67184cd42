package io.sagaref.notification;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * The persisted delivery queue. Workers claim due deliveries with {@code SKIP LOCKED},
 * leasing each until its attempt is recorded: a worker that dies mid-attempt leaves the
 * delivery to be claimed again once the lease ends, so nothing is lost to a restart and
 * several instances can share the queue.
 */
public interface Deliveries {

	/**
	 * Queues deliveries due now; one already queued for the same event and endpoint is
	 * left as it is.
	 * @param deliveries the new deliveries
	 * @param now the time they are due
	 * @return how many were new
	 */
	int enqueue(List<NewDelivery> deliveries, Instant now);

	/**
	 * Claims due deliveries for one attempt each, at most {@code perEndpoint} of any
	 * endpoint, none of an endpoint in {@code busy}, and makes them invisible to other
	 * claims until {@code leaseUntil}.
	 * @param now the time
	 * @param leaseUntil when an unrecorded attempt may be retried by anyone
	 * @param limit the most to claim
	 * @param perEndpoint the most to claim of one endpoint
	 * @param busy endpoints that already have attempts in flight here
	 * @return the claimed deliveries, oldest due first
	 */
	List<ClaimedDelivery> claimDue(Instant now, Instant leaseUntil, int limit, int perEndpoint,
			Collection<WebhookId> busy);

	/**
	 * Records an attempt of a pending delivery.
	 * @param id the delivery
	 * @param status its status after the attempt
	 * @param statusCode the HTTP status, if the attempt got one
	 * @param error why it failed without one
	 * @param attemptedAt when the attempt was made
	 * @param nextAttemptAt when to try again, if pending
	 */
	void recordAttempt(DeliveryId id, DeliveryStatus status, @Nullable Integer statusCode, @Nullable String error,
			Instant attemptedAt, @Nullable Instant nextAttemptAt);

	/**
	 * Fails every pending delivery of an endpoint.
	 * @param webhookId the endpoint
	 */
	void failPendingOf(WebhookId webhookId);

	List<Delivery> of(WebhookId webhookId);

	Optional<Delivery> find(WebhookId webhookId, DeliveryId id);

	/**
	 * Makes a delivery pending and due now, whatever its status.
	 * @param id the delivery
	 * @param now the time
	 */
	void requeue(DeliveryId id, Instant now);

}
