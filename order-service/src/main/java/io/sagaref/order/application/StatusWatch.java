package io.sagaref.order.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.sagaref.order.OrderEvent;
import io.sagaref.order.OrderId;
import io.sagaref.order.OrderStatus;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Long-polling of an order's status: a waiting request wakes as soon as a change to its
 * order commits in this instance, and re-reads the database every
 * {@code saga.order.status-recheck-interval} to see changes committed by other instances.
 * Waiting blocks a (virtual) thread, never a database connection.
 */
@Component
public class StatusWatch {

	private final ConcurrentMap<OrderId, Set<Waiter>> waiters = new ConcurrentHashMap<>();

	private final OrderService orders;

	private final Duration recheckInterval;

	private final Clock clock;

	StatusWatch(OrderService orders, OrderSettings settings, Clock clock) {
		this.orders = orders;
		this.recheckInterval = settings.statusRecheckInterval();
		this.clock = clock;
	}

	/**
	 * Waits while the order is PENDING, at most {@code wait}.
	 * @param orderId the order
	 * @param wait the longest wait
	 * @return the order's status when it ended or the time was up
	 * @throws java.util.NoSuchElementException if there is no such order
	 */
	public OrderStatus awaitEnd(OrderId orderId, Duration wait) {
		Instant deadline = this.clock.instant().plus(wait);
		while (true) {
			Waiter signal = register(orderId);
			try {
				OrderStatus status = this.orders.status(orderId);
				Duration remaining = Duration.between(this.clock.instant(), deadline);
				if (status.isTerminal() || remaining.isNegative() || remaining.isZero()) {
					return status;
				}
				Duration nap = (remaining.compareTo(this.recheckInterval) < 0) ? remaining : this.recheckInterval;
				if (signal.latch.await(nap.toMillis(), TimeUnit.MILLISECONDS) && signal.ended != null) {
					// the event that woke us says how the order ended: no need to read it
					// back
					return signal.ended;
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return this.orders.status(orderId);
			}
			finally {
				unregister(orderId, signal);
			}
		}
	}

	/**
	 * Wakes the requests waiting for the order of a committed event.
	 * @param event an event of an order, published after its transaction committed
	 */
	@TransactionalEventListener
	void changed(OrderEvent event) {
		Set<Waiter> signals = this.waiters.get(event.orderId());
		if (signals != null) {
			OrderStatus ended = switch (event) {
				case OrderEvent.OrderConfirmed confirmed -> OrderStatus.CONFIRMED;
				case OrderEvent.OrderRejected rejected -> OrderStatus.REJECTED;
				case OrderEvent.OrderCancelled cancelled -> OrderStatus.CANCELLED;
				case OrderEvent.OrderPlaced placed -> null;
			};
			signals.forEach((signal) -> signal.wake(ended));
		}
	}

	private Waiter register(OrderId orderId) {
		Waiter signal = new Waiter();
		this.waiters.compute(orderId, (id, signals) -> {
			Set<Waiter> set = (signals != null) ? signals : ConcurrentHashMap.newKeySet();
			set.add(signal);
			return set;
		});
		return signal;
	}

	private void unregister(OrderId orderId, Waiter signal) {
		this.waiters.computeIfPresent(orderId, (id, signals) -> {
			signals.remove(signal);
			return signals.isEmpty() ? null : signals;
		});
	}

	/** One waiting request: woken once, with the status the order ended in, if it did. */
	private static final class Waiter {

		private final CountDownLatch latch = new CountDownLatch(1);

		private volatile @Nullable OrderStatus ended;

		void wake(@Nullable OrderStatus ended) {
			this.ended = ended;
			this.latch.countDown();
		}

	}

}
