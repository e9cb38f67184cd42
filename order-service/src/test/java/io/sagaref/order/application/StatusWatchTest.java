package io.sagaref.order.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import io.sagaref.order.CustomerId;
import io.sagaref.order.Money;
import io.sagaref.order.Order;
import io.sagaref.order.OrderEvent.OrderConfirmed;
import io.sagaref.order.OrderEvent.OrderRejected;
import io.sagaref.order.OrderId;
import io.sagaref.order.OrderLine;
import io.sagaref.order.OrderStatus;
import io.sagaref.order.RejectionReason;
import org.junit.jupiter.api.Test;

import org.springframework.transaction.support.TransactionOperations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The long-poll over in-memory orders that count their status reads: it wakes on a change
 * committed in this instance and rechecks for changes made elsewhere.
 */
class StatusWatchTest {

	private final Semaphore reads = new Semaphore(0);

	private final InMemoryOrders orders = new InMemoryOrders() {
		@Override
		public Optional<OrderStatus> statusOf(OrderId id) {
			var status = super.statusOf(id);
			StatusWatchTest.this.reads.release();
			return status;
		}
	};

	private final Order order = stored(Order.place(OrderId.random(), CustomerId.random(),
			List.of(new OrderLine("A", 1, Money.of("1.00"))), null, null, Instant.now()));

	private final OrderId orderId = this.order.id();

	@Test
	void wakesAsSoonAsAChangeToTheOrderCommitsInThisInstance() throws Exception {
		StatusWatch watch = watchRecheckingEvery(Duration.ofMinutes(1));
		try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
			var waiting = startWaiting(watch, executor, Duration.ofSeconds(30));

			changedElsewhere(() -> this.order.confirm(Instant.now()));
			watch.changed(new OrderConfirmed(this.orderId, this.order.customerId()));

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

			changedElsewhere(() -> this.order.reject(RejectionReason.OUT_OF_STOCK, Instant.now()));

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
		var service = new OrderService(this.orders, new InMemoryCatalog(), new EventPublisher((event) -> {
		}), TransactionOperations.withoutTransaction(), settings,
				new AdmissionSettings(100, 10, Duration.ofSeconds(10), Duration.ofSeconds(2), Duration.ZERO),
				Clock.systemUTC());
		return new StatusWatch(service, settings, Clock.systemUTC());
	}

	/**
	 * Changes the stored order as another instance would: without telling this one.
	 */
	private void changedElsewhere(Runnable change) {
		change.run();
		stored(this.order);
	}

	private Order stored(Order order) {
		this.orders.save(order);
		order.takeEvents();
		return order;
	}

}
