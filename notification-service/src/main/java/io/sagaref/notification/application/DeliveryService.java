package io.sagaref.notification.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import io.sagaref.notification.ClaimedDelivery;
import io.sagaref.notification.Deliveries;
import io.sagaref.notification.DeliveryStatus;
import io.sagaref.notification.RetrySchedule;
import io.sagaref.notification.WebhookId;
import io.sagaref.notification.Webhooks;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The queue's transactions for the worker: claim due deliveries, and record how an
 * attempt went. A 2xx ends a delivery; 410 Gone disables its endpoint (its pending
 * deliveries fail, it gets no new ones, and order-service hears it is gone); anything
 * else is retried on the schedule until it runs out.
 */
@Service
public class DeliveryService {

	private final Deliveries deliveries;

	private final Webhooks webhooks;

	private final EventPublisher events;

	private final RetrySchedule schedule;

	private final Duration lease;

	private final Clock clock;

	DeliveryService(Deliveries deliveries, Webhooks webhooks, EventPublisher events, NotificationSettings settings,
			Clock clock) {
		this.deliveries = deliveries;
		this.webhooks = webhooks;
		this.events = events;
		this.schedule = settings.delivery().schedule();
		this.lease = settings.delivery().lease();
		this.clock = clock;
	}

	/**
	 * @param limit the most to claim
	 * @param perEndpoint the most of one endpoint
	 * @param busy endpoints with attempts in flight here
	 * @return due deliveries, leased to the caller
	 */
	@Transactional
	public List<ClaimedDelivery> claim(int limit, int perEndpoint, Collection<WebhookId> busy) {
		Instant now = this.clock.instant();
		return this.deliveries.claimDue(now, now.plus(this.lease), limit, perEndpoint, busy);
	}

	/**
	 * @param delivery the delivery attempted
	 * @param statusCode the endpoint's HTTP status, if it answered
	 * @param error why it did not, or why the target was refused
	 * @param attemptedAt when the attempt was made
	 */
	@Transactional
	public void recorded(ClaimedDelivery delivery, @Nullable Integer statusCode, @Nullable String error,
			Instant attemptedAt) {
		if (statusCode != null && statusCode >= 200 && statusCode < 300) {
			this.deliveries.recordAttempt(delivery.id(), DeliveryStatus.DELIVERED, statusCode, null, attemptedAt, null);
		}
		else if (statusCode != null && statusCode == 410) {
			gone(delivery, attemptedAt);
		}
		else {
			Optional<Duration> wait = this.schedule.nextWait(delivery.attempts() + 1,
					ThreadLocalRandom.current()::nextDouble);
			this.deliveries.recordAttempt(delivery.id(),
					wait.isPresent() ? DeliveryStatus.PENDING : DeliveryStatus.FAILED, statusCode, error, attemptedAt,
					wait.map(attemptedAt::plus).orElse(null));
		}
	}

	private void gone(ClaimedDelivery delivery, Instant attemptedAt) {
		this.deliveries.recordAttempt(delivery.id(), DeliveryStatus.FAILED, 410, "endpoint is gone: disabled",
				attemptedAt, null);
		this.webhooks.lock(delivery.webhookId()).filter((webhook) -> webhook.isActive()).ifPresent((webhook) -> {
			this.webhooks.disable(webhook.id());
			this.deliveries.failPendingOf(webhook.id());
			this.events.removed(webhook, webhook.eventSequence() + 1);
		});
	}

}
