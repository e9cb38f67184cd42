package io.sagaref.payment;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * All customer accounts, each an event stream (stream id = customer id) with a row of its
 * current state beside it. Money moves only on an account loaded with
 * {@link #findForUpdate}, which holds a write lock on that row until the transaction
 * ends, so concurrent commands on one account run one after the other and can never
 * overdraw it; {@link #append} records the event and writes the row in the caller's
 * transaction.
 */
public interface Accounts {

	/**
	 * @param customerId the account
	 * @return its current state, if it was opened
	 */
	Optional<Account> find(CustomerId customerId);

	/**
	 * @param customerId the account
	 * @param asOf the instant, inclusive
	 * @return its state as it stood then, empty if it was not opened yet
	 */
	Optional<Account> findAsOf(CustomerId customerId, Instant asOf);

	/**
	 * Locks an account for writing until the transaction ends, then loads it.
	 * @param customerId the account
	 * @return the locked account, if it exists
	 */
	Optional<Account> findForUpdate(CustomerId customerId);

	/**
	 * Locks the rows of accounts until the transaction ends, in customer id order,
	 * without loading them, so that two transactions locking overlapping sets this way
	 * cannot deadlock.
	 * @param customerIds the accounts
	 */
	void lockRows(Collection<CustomerId> customerIds);

	/**
	 * @param customerId the account
	 * @return its events, oldest first; empty if it was never opened
	 */
	List<RecordedAccountEvent> history(CustomerId customerId);

	/**
	 * Records the first event of a new account and its current-state row.
	 * @param customerId the new account's id
	 * @param opened the opening
	 * @return the account and the recorded event
	 */
	Appended open(CustomerId customerId, AccountOpened opened);

	/**
	 * Records an event of a locked account and updates its current-state row.
	 * @param current the account as loaded by {@link #findForUpdate}
	 * @param event what it decided
	 * @return the account after the event, and the recorded event
	 * @throws IllegalStateException if the stream moved on since it was loaded
	 */
	Appended append(Account current, AccountEvent event);

	/**
	 * Rebuilds every account's current-state row from its events alone, in one
	 * transaction that holds off every command meanwhile.
	 * @return what was read
	 */
	Rebuilt rebuild();

	/**
	 * An event recorded on an account.
	 *
	 * @param account the account after it
	 * @param event the event as recorded
	 */
	record Appended(Account account, RecordedAccountEvent event) {

	}

	/**
	 * What a rebuild of the current state read.
	 *
	 * @param streams how many accounts
	 * @param events how many events
	 */
	record Rebuilt(int streams, long events) {

	}

}
