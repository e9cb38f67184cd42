package io.sagaref.notification.application;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import io.sagaref.notification.ClaimedDelivery;
import io.sagaref.notification.RefusedTargetException;
import io.sagaref.notification.TargetPolicy;
import io.sagaref.notification.WebhookId;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Delivers the queue: every poll claims due deliveries (up to the free capacity, a few
 * per endpoint, none of an endpoint already busy here) and attempts each on its own
 * virtual thread, so a slow or dead endpoint holds only its own deliveries back. Any
 * number of instances may run: claims skip each other's rows, and a claim whose worker
 * died is claimed again when its lease ends.
 */
@Component
class DeliveryWorker implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);

	private final DeliveryService deliveries;

	private final WebhookSender sender;

	private final NotificationSettings.Delivery settings;

	private final Clock clock;

	private final ExecutorService attempts = Executors.newVirtualThreadPerTaskExecutor();

	private final Map<WebhookId, AtomicInteger> inFlight = new ConcurrentHashMap<>();

	private final AtomicInteger total = new AtomicInteger();

	DeliveryWorker(DeliveryService deliveries, TargetPolicy policy, NotificationSettings settings, Clock clock) {
		this.deliveries = deliveries;
		this.sender = new WebhookSender(policy, settings.delivery());
		this.settings = settings.delivery();
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${saga.notifications.delivery.poll-interval:500ms}")
	void poll() {
		int capacity = Math.min(this.settings.batchSize(), this.settings.maxConcurrency() - this.total.get());
		if (capacity <= 0) {
			return;
		}
		List<ClaimedDelivery> claimed = this.deliveries.claim(capacity, this.settings.perEndpointConcurrency(),
				List.copyOf(this.inFlight.keySet()));
		for (ClaimedDelivery delivery : claimed) {
			this.total.incrementAndGet();
			this.inFlight.computeIfAbsent(delivery.webhookId(), (id) -> new AtomicInteger()).incrementAndGet();
			this.attempts.execute(() -> {
				try {
					attempt(delivery);
				}
				finally {
					this.inFlight.computeIfPresent(delivery.webhookId(),
							(id, count) -> (count.decrementAndGet() == 0) ? null : count);
					this.total.decrementAndGet();
				}
			});
		}
	}

	private void attempt(ClaimedDelivery delivery) {
		Instant at = this.clock.instant();
		@Nullable Integer status = null;
		@Nullable String error = null;
		try {
			status = this.sender.send(delivery, at.getEpochSecond());
		}
		catch (RefusedTargetException ex) {
			error = "target refused: " + ex.getMessage();
		}
		catch (IOException ex) {
			error = ex.getClass().getSimpleName() + ": " + ex.getMessage();
		}
		try {
			this.deliveries.recorded(delivery, status, error, at);
		}
		catch (RuntimeException ex) {
			// the lease ends and the delivery is attempted again: at least once
			log.warn("Could not record attempt of delivery {}: {}", delivery.id(), ex.toString());
		}
		log.debug("Delivery {} to {}: status {} {}", delivery.id(), delivery.url(), status,
				(error != null) ? error : "");
	}

	@Override
	public void destroy() throws IOException {
		this.attempts.shutdownNow();
		this.sender.close();
	}

}
