package io.sagaref.payment.application;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.sagaref.payment.Account;
import io.sagaref.payment.Accounts;
import io.sagaref.payment.CustomerId;

/**
 * {@link Accounts} in a map, for use-case tests. Locks are no-ops, but the ids asked to
 * be locked are kept for the test to see.
 */
class InMemoryAccounts implements Accounts {

	private final Map<CustomerId, Account> accounts = new HashMap<>();

	private final List<CustomerId> locked = new ArrayList<>();

	@Override
	public Optional<Account> findById(CustomerId customerId) {
		return Optional.ofNullable(this.accounts.get(customerId));
	}

	@Override
	public Optional<Account> findForUpdateByCustomerId(CustomerId customerId) {
		return findById(customerId);
	}

	@Override
	public void lockRows(Collection<CustomerId> customerIds) {
		this.locked.addAll(customerIds);
	}

	@Override
	public Account save(Account account) {
		this.accounts.put(account.customerId(), account);
		return account;
	}

	void remove(CustomerId customerId) {
		this.accounts.remove(customerId);
	}

	int count() {
		return this.accounts.size();
	}

	List<CustomerId> locked() {
		return List.copyOf(this.locked);
	}

}
