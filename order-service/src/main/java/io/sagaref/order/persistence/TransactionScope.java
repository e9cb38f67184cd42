package io.sagaref.order.persistence;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.sagaref.eventstore.Folded;
import io.sagaref.order.Order;
import io.sagaref.order.OrderId;
import org.jspecify.annotations.Nullable;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What the current transaction knows of orders: which of them it has locked (so that a
 * batch locks each order once) and the folded stream each command loaded (so that the
 * append folds into exactly what was loaded). Forgotten when the transaction ends;
 * outside a transaction nothing is kept.
 */
final class TransactionScope {

	private final Object key = new Object();

	boolean isLocked(OrderId id) {
		State state = state();
		return state != null && state.locked.contains(id);
	}

	void locked(Collection<OrderId> ids) {
		State state = state();
		if (state != null) {
			state.locked.addAll(ids);
		}
	}

	void loaded(OrderId id, Folded<Order> folded) {
		State state = state();
		if (state != null) {
			state.loaded.put(id, folded);
		}
	}

	/**
	 * @param id the order
	 * @param version the version its state had when loaded
	 * @return what was loaded, if this transaction loaded it at that version
	 */
	Optional<Folded<Order>> loaded(OrderId id, long version) {
		State state = state();
		return Optional.ofNullable((state != null) ? state.loaded.get(id) : null)
			.filter((folded) -> folded.version() == version);
	}

	private @Nullable State state() {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			return null;
		}
		State state = (State) TransactionSynchronizationManager.getResource(this.key);
		if (state == null) {
			State fresh = new State();
			TransactionSynchronizationManager.bindResource(this.key, fresh);
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					TransactionSynchronizationManager.unbindResourceIfPossible(TransactionScope.this.key);
				}
			});
			state = fresh;
		}
		return state;
	}

	private static final class State {

		private final Set<OrderId> locked = new HashSet<>();

		private final Map<OrderId, Folded<Order>> loaded = new HashMap<>();

	}

}
