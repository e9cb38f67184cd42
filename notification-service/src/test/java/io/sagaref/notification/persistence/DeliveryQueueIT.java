package io.sagaref.notification.persistence;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.sagaref.notification.ClaimedDelivery;
import io.sagaref.notification.CustomerId;
import io.sagaref.notification.Deliveries;
import io.sagaref.notification.DeliveryId;
import io.sagaref.notification.NewDelivery;
import io.sagaref.notification.NotificationServiceIntegrationTest;
import io.sagaref.notification.Webhook;
import io.sagaref.notification.WebhookId;
import io.sagaref.notification.Webhooks;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The queue's claim on real Postgres. Deliveries here are due a year from now, so the
 * running worker never sees them; the test claims "as of" then.
 */
class DeliveryQueueIT extends NotificationServiceIntegrationTest {

	private static final Instant LATER = Instant.now().plus(Duration.ofDays(365));

	@Autowired
	private Deliveries deliveries;

	@Autowired
	private Webhooks webhooks;

	@Autowired
	private TransactionTemplate transactions;

	@Test
	void aConcurrentClaimSkipsTheRowsAnotherHoldsInsteadOfWaiting() throws Exception {
		WebhookId first = webhook();
		WebhookId second = webhook();
		queue(first, 1);
		queue(second, 1);
		CountDownLatch claimed = new CountDownLatch(1);
		CountDownLatch done = new CountDownLatch(1);
		List<ClaimedDelivery> held = new ArrayList<>();

		var holder = CompletableFuture.runAsync(() -> this.transactions.executeWithoutResult((tx) -> {
			held.addAll(this.deliveries.claimDue(LATER, LATER.plusSeconds(60), 1, 1, Set.of()));
			claimed.countDown();
			await(done);
		}));
		assertThat(claimed.await(30, TimeUnit.SECONDS)).isTrue();
		List<ClaimedDelivery> other = this.transactions
			.execute((tx) -> this.deliveries.claimDue(LATER, LATER.plusSeconds(60), 10, 1, Set.of()));
		done.countDown();
		holder.get(30, TimeUnit.SECONDS);

		assertThat(held).hasSize(1);
		assertThat(other).extracting(ClaimedDelivery::id).doesNotContainAnyElementsOf(ids(held));
		assertThat(ids(other)).hasSizeGreaterThanOrEqualTo(1);
	}

	@Test
	void aClaimedDeliveryIsLeasedUntilItsAttemptIsRecordedOrTheLeaseEnds() {
		WebhookId webhook = webhook();
		queue(webhook, 1);

		List<ClaimedDelivery> claimed = claim(LATER, 100, 10, Set.of()).stream()
			.filter((c) -> c.webhookId().equals(webhook))
			.toList();
		assertThat(claimed).hasSize(1);
		assertThat(claim(LATER.plusSeconds(30), 100, 10, Set.of())).extracting(ClaimedDelivery::webhookId)
			.doesNotContain(webhook);

		assertThat(claim(LATER.plusSeconds(61), 100, 10, Set.of())).extracting(ClaimedDelivery::id)
			.contains(claimed.get(0).id());
	}

	@Test
	void claimsAtMostTheLimitOfOneEndpointAndNoneOfABusyOne() {
		WebhookId many = webhook();
		WebhookId busy = webhook();
		queue(many, 5);
		queue(busy, 2);
		Instant at = LATER.plusSeconds(1000);

		List<ClaimedDelivery> claimed = claim(at, 100, 2, Set.of(busy));

		assertThat(claimed).filteredOn((c) -> c.webhookId().equals(many)).hasSize(2);
		assertThat(claimed).extracting(ClaimedDelivery::webhookId).doesNotContain(busy);
	}

	@Test
	void queuesAnEventOnlyOncePerEndpoint() {
		WebhookId webhook = webhook();
		UUID eventId = UUID.randomUUID();
		UUID orderId = UUID.randomUUID();

		int first = enqueue(new NewDelivery(DeliveryId.random(), webhook, eventId, "order.confirmed", orderId, "{}"));
		int again = enqueue(new NewDelivery(DeliveryId.random(), webhook, eventId, "order.confirmed", orderId, "{}"));

		assertThat(first).isEqualTo(1);
		assertThat(again).isZero();
		assertThat(this.deliveries.of(webhook)).hasSize(1);
	}

	private List<ClaimedDelivery> claim(Instant now, int limit, int perEndpoint, Set<WebhookId> busy) {
		return this.transactions
			.execute((tx) -> this.deliveries.claimDue(now, now.plusSeconds(60), limit, perEndpoint, busy));
	}

	private WebhookId webhook() {
		Webhook webhook = Webhook.register(new CustomerId(UUID.randomUUID()),
				URI.create("http://127.0.0.1:9/" + UUID.randomUUID()), Instant.now());
		this.transactions.executeWithoutResult((tx) -> this.webhooks.add(webhook));
		return webhook.id();
	}

	private void queue(WebhookId webhook, int count) {
		for (int i = 0; i < count; i++) {
			enqueue(new NewDelivery(DeliveryId.random(), webhook, UUID.randomUUID(), "order.confirmed",
					UUID.randomUUID(), "{}"));
		}
	}

	private int enqueue(NewDelivery delivery) {
		return this.transactions.execute((tx) -> this.deliveries.enqueue(List.of(delivery), LATER));
	}

	private static List<DeliveryId> ids(List<ClaimedDelivery> claimed) {
		return claimed.stream().map(ClaimedDelivery::id).toList();
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
