package io.sagaref.payment;

import java.util.Collection;
import java.util.Optional;

/**
 * All customer accounts. Money moves only on an account loaded with
 * {@link #findForUpdateByCustomerId}, which holds a write lock until the transaction
 * ends, so concurrent orders of one customer are charged one after the other and can
 * never overdraw the account.
 */
public interface Accounts {

	Optional<Account> findById(CustomerId customerId);

	/**
	 * Loads an account and locks it for writing until the transaction ends.
	 * @param customerId the account's id
	 * @return the locked account, if it exists
	 */
	Optional<Account> findForUpdateByCustomerId(CustomerId customerId);

	/**
	 * Locks the rows of accounts until the transaction ends, in customer id order,
	 * without loading them, so that two transactions locking overlapping sets this way
	 * cannot deadlock.
	 * @param customerIds the accounts' ids
	 */
	void lockRows(Collection<CustomerId> customerIds);

	Account save(Account account);

}
