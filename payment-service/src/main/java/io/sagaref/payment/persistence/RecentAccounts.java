package io.sagaref.payment.persistence;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import io.sagaref.eventstore.Folded;
import io.sagaref.payment.Account;
import io.sagaref.payment.CustomerId;

/**
 * The newest committed state of the accounts used lately, so that a command on an account
 * it holds needs no read of the stream at all. It is only ever asked under the account's
 * row lock, for the stream version that lock read: a stream version is written once and
 * never changes, so the state folded up to it is the account's state, whichever instance
 * or rebuild came in between. A state enters only after its transaction committed, so a
 * rolled-back change is never served. Bounded; the least recently used account leaves
 * first.
 */
final class RecentAccounts {

	private final Map<CustomerId, Folded<Account>> states;

	/**
	 * @param capacity how many accounts it holds at most
	 */
	RecentAccounts(int capacity) {
		this.states = new LinkedHashMap<>(16, 0.75f, true) {
			@Override
			protected boolean removeEldestEntry(Map.Entry<CustomerId, Folded<Account>> eldest) {
				return size() > capacity;
			}
		};
	}

	/**
	 * @return the account's state at exactly this stream version, if held
	 */
	synchronized Optional<Folded<Account>> at(CustomerId customerId, long version) {
		Folded<Account> state = this.states.get(customerId);
		return (state != null && state.version() == version) ? Optional.of(state) : Optional.empty();
	}

	/**
	 * @param state a committed state; an older one than held is ignored
	 */
	synchronized void committed(Folded<Account> state) {
		CustomerId customerId = state.state().customerId();
		Folded<Account> held = this.states.get(customerId);
		if (held == null || held.version() < state.version()) {
			this.states.put(customerId, state);
		}
	}

}
