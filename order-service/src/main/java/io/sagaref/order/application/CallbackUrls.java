package io.sagaref.order.application;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import io.sagaref.order.CustomerId;
import io.sagaref.order.Orders;
import io.sagaref.order.WebhookUrls;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionOperations;

/**
 * An order's {@code callbackUrl} must be one of its customer's registered webhook URLs.
 * Checked against the replica fed by notification-service's events, never by calling it:
 * the command path stays independent of that service. A URL registered a moment ago may
 * not have arrived yet, so an unknown URL is waited for (up to
 * {@link CallbackSettings#replicaWait()}, outside any transaction) before the order is
 * refused.
 */
@Service
public class CallbackUrls {

	private final WebhookUrls replica;

	private final Orders orders;

	private final TransactionOperations transactions;

	private final CallbackSettings settings;

	private final Clock clock;

	CallbackUrls(WebhookUrls replica, Orders orders, TransactionOperations transactions, CallbackSettings settings,
			Clock clock) {
		this.replica = replica;
		this.orders = orders;
		this.transactions = transactions;
		this.settings = settings;
		this.clock = clock;
	}

	/**
	 * @param command an order to place
	 * @throws IllegalArgumentException if it names a callback URL its customer has not
	 * registered (a request repeated under an idempotency key that already placed an
	 * order is left to be answered with that order)
	 */
	public void requireRegistered(PlaceOrder command) {
		if (command.callbackUrl() == null) {
			return;
		}
		String url = command.callbackUrl().toString();
		Instant deadline = this.clock.instant().plus(this.settings.replicaWait());
		while (!this.replica.isRegistered(command.customerId(), url)) {
			if (isRepeated(command)) {
				return;
			}
			if (!this.clock.instant().isBefore(deadline)) {
				throw new IllegalArgumentException("callbackUrl " + url + " is not one of customer "
						+ command.customerId().value() + "'s registered webhook URLs (register it first with POST "
						+ "/api/customers/" + command.customerId().value() + "/webhooks)");
			}
			pause();
		}
	}

	private boolean isRepeated(PlaceOrder command) {
		var key = command.requestKey();
		return key != null && Boolean.TRUE
			.equals(this.transactions.execute((tx) -> this.orders.findByIdempotencyKey(key.key()).isPresent()));
	}

	private void pause() {
		try {
			Thread.sleep(this.settings.recheckInterval());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for the webhook replica", ex);
		}
	}

	/**
	 * Applies an endpoint's registration to the replica.
	 * @param webhookId the endpoint
	 * @param customerId its owner
	 * @param url its URL
	 * @param sequence its event sequence
	 */
	@Transactional
	public void registered(UUID webhookId, CustomerId customerId, String url, long sequence) {
		this.replica.apply(webhookId, customerId, url, sequence, false);
	}

	/**
	 * Applies an endpoint's removal (deleted, or disabled after a 410) to the replica.
	 * @param webhookId the endpoint
	 * @param customerId its owner
	 * @param url its URL
	 * @param sequence its event sequence
	 */
	@Transactional
	public void removed(UUID webhookId, CustomerId customerId, String url, long sequence) {
		this.replica.apply(webhookId, customerId, url, sequence, true);
	}

}
