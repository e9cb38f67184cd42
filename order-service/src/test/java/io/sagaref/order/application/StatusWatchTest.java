package io.sagaref.order.application;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import io.sagaref.order.CustomerId;
import io.sagaref.order.OrderEvent.OrderConfirmed;
import io.sagaref.order.OrderEvent.OrderRejected;
import io.sagaref.order.OrderId;
import io.sagaref.order.OrderStatus;
import io.sagaref.order.RejectionReason;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class StatusWatchTest {

	private final OrderId orderId = OrderId.random();

	private final AtomicReference<OrderStatus> stored = new AtomicReference<>(OrderStatus.PENDING);

	private final Semaphore reads = new Semaphore(0);

	@Test
	void wakesAsSoonAsAChangeToTheOrderCommitsInThisInstance() throws Exception {
		StatusWatch watch = watchRecheckingEvery(Duration.ofMinutes(1));
		try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
			var waiting = startWaiting(watch, executor, Duration.ofSeconds(30));

			this.stored.set(OrderStatus.CONFIRMED);
			watch.changed(new OrderConfirmed(this.orderId, CustomerId.random()));

			assertThat(waiting.get(5, TimeUnit.SECONDS)).isEqualTo(OrderStatus.CONFIRMED);
		}
	}

	@Test
	void answersWithTheStatusOfTheEventThatWokeItWithoutReadingItAgain() throws Exception {
		StatusWatch watch = watchRecheckingEvery(Duration.ofMinutes(1));
		try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
			var waiting = startWaiting(watch, executor, Duration.ofSeconds(30));

			watch.changed(new OrderRejected(this.orderId, CustomerId.random(), RejectionReason.OUT_OF_STOCK));

			assertThat(waiting.get(5, TimeUnit.SECONDS)).isEqualTo(OrderStatus.REJECTED);
			assertThat(this.reads.availablePermits()).as("no second read").isZero();
		}
	}

	@Test
	void seesChangesMadeByOtherInstancesWhenItRechecks() throws Exception {
		StatusWatch watch = watchRecheckingEvery(Duration.ofMillis(50));
		try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
			var waiting = startWaiting(watch, executor, Duration.ofSeconds(30));

			this.stored.set(OrderStatus.REJECTED);

			assertThat(waiting.get(5, TimeUnit.SECONDS)).isEqualTo(OrderStatus.REJECTED);
		}
	}

	@Test
	void answersPendingWhenTheTimeIsUp() {
		StatusWatch watch = watchRecheckingEvery(Duration.ofMinutes(1));

		assertThat(watch.awaitEnd(this.orderId, Duration.ofMillis(200))).isEqualTo(OrderStatus.PENDING);
	}

	@Test
	void aChangeOfAnotherOrderDoesNotEndTheWait() throws Exception {
		StatusWatch watch = watchRecheckingEvery(Duration.ofMinutes(1));
		try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
			var waiting = startWaiting(watch, executor, Duration.ofMillis(1500));

			watch.changed(new OrderConfirmed(OrderId.random(), CustomerId.random()));

			await().during(Duration.ofMillis(500))
				.atMost(Duration.ofSeconds(1))
				.until(() -> this.reads.availablePermits() == 0 && !waiting.isDone());
			assertThat(waiting.get(5, TimeUnit.SECONDS)).isEqualTo(OrderStatus.PENDING);
		}
	}

	/**
	 * Starts a waiting request and returns once it has read the status the first time.
	 */
	private CompletableFuture<OrderStatus> startWaiting(StatusWatch watch, ExecutorService executor, Duration wait)
			throws InterruptedException {
		var waiting = CompletableFuture.supplyAsync(() -> watch.awaitEnd(this.orderId, wait), executor);
		assertThat(this.reads.tryAcquire(5, TimeUnit.SECONDS)).as("the watch read the status").isTrue();
		return waiting;
	}

	private StatusWatch watchRecheckingEvery(Duration recheck) {
		var settings = new OrderSettings(Duration.ofSeconds(30), Duration.ofSeconds(1), 100, recheck);
		return new StatusWatch(new StoredStatus(), settings, Clock.systemUTC());
	}

	/**
	 * Stands in for the database: the status a read would find.
	 */
	private final class StoredStatus extends OrderService {

		StoredStatus() {
			super(null, null, null, null, null, null, null);
		}

		@Override
		public OrderStatus status(OrderId orderId) {
			OrderStatus status = StatusWatchTest.this.stored.get();
			StatusWatchTest.this.reads.release();
			return status;
		}

	}

}
