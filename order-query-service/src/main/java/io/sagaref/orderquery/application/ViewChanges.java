package io.sagaref.orderquery.application;

import java.util.Collection;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import io.sagaref.orderquery.OrderId;

import org.springframework.stereotype.Component;

/**
 * The in-process signal that an order's view changed, for queries waiting on a read
 * token: the projection raises it after each commit, the in-memory views after each batch
 * they applied. A waiter parks on a future (a virtual thread costs nothing while parked)
 * instead of polling; it still re-checks the store now and then, for changes another
 * instance committed.
 */
@Component
public class ViewChanges {

	private final ConcurrentMap<OrderId, CompletableFuture<Void>> waiting = new ConcurrentHashMap<>();

	/**
	 * @param orderId an order
	 * @return a future completed at the next change of its view
	 */
	CompletableFuture<Void> next(OrderId orderId) {
		return this.waiting.computeIfAbsent(orderId, (id) -> new CompletableFuture<>());
	}

	/**
	 * Forgets a future nobody waits for any more (a waiter sharing it re-checks soon).
	 */
	void forget(OrderId orderId, CompletableFuture<Void> next) {
		this.waiting.remove(orderId, next);
	}

	/**
	 * @param orderIds orders whose views changed
	 */
	void changed(Collection<OrderId> orderIds) {
		for (OrderId orderId : orderIds) {
			CompletableFuture<Void> next = this.waiting.remove(orderId);
			if (next != null) {
				next.complete(null);
			}
		}
	}

}
