package io.sagaref.order.persistence;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import io.sagaref.eventstore.Folded;
import io.sagaref.order.Order;
import io.sagaref.order.OrderId;
import org.jspecify.annotations.Nullable;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What the current transaction knows of orders: which of them it has locked and at which
 * stream version (so that a batch locks each order once), the folded stream each command
 * loaded (so that the append folds into exactly what was loaded), and the changed orders
 * whose rows are written together just before the commit (one statement for a whole batch
 * of changes). Forgotten when the transaction ends; outside a transaction nothing is kept
 * and a change is written at once.
 */
final class TransactionScope {

	private final Object key = new Object();

	private final Consumer<Collection<Order>> writeChanged;

	/**
	 * @param writeChanged writes the rows of changed orders
	 */
	TransactionScope(Consumer<Collection<Order>> writeChanged) {
		this.writeChanged = writeChanged;
	}

	Optional<Long> lockedVersion(OrderId id) {
		State state = state();
		return Optional.ofNullable((state != null) ? state.locked.get(id) : null);
	}

	void locked(Map<OrderId, Long> versions) {
		State state = state();
		if (state != null) {
			state.locked.putAll(versions);
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

	/**
	 * @param order an order whose row is to be brought up to date before the commit
	 */
	void changed(Order order) {
		State state = state();
		if (state == null) {
			this.writeChanged.accept(List.of(order));
			return;
		}
		state.changed.put(order.id(), order);
		state.locked.put(order.id(), order.version());
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
				public void beforeCommit(boolean readOnly) {
					if (!fresh.changed.isEmpty()) {
						TransactionScope.this.writeChanged.accept(List.copyOf(fresh.changed.values()));
						fresh.changed.clear();
					}
				}

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

		private final Map<OrderId, Long> locked = new HashMap<>();

		private final Map<OrderId, Folded<Order>> loaded = new HashMap<>();

		private final Map<OrderId, Order> changed = new LinkedHashMap<>();

	}

}
