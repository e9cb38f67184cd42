package io.sagaref.payment.application;

import java.util.NoSuchElementException;

import io.sagaref.payment.Account;
import io.sagaref.payment.Accounts;
import io.sagaref.payment.CustomerId;
import io.sagaref.payment.Money;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opening accounts and paying money in. A deposit locks the account like a payment does,
 * so it cannot be lost to a concurrent debit.
 */
@Service
public class AccountService {

	private final Accounts accounts;

	public AccountService(Accounts accounts) {
		this.accounts = accounts;
	}

	/**
	 * Opens an account for a new customer.
	 * @param name the customer's name
	 * @param initialBalance the first deposit, 0 or more
	 * @return the account, under a new customer id
	 * @throws IllegalArgumentException if the name or balance breaks a rule
	 */
	@Transactional
	public Account open(String name, Money initialBalance) {
		return this.accounts.save(Account.open(CustomerId.random(), name, initialBalance));
	}

	/**
	 * @param customerId the account's id
	 * @return the account
	 * @throws NoSuchElementException if there is none
	 */
	@Transactional(readOnly = true)
	public Account account(CustomerId customerId) {
		return this.accounts.findById(customerId).orElseThrow(() -> unknown(customerId));
	}

	/**
	 * Pays money into an account.
	 * @param customerId the account's id
	 * @param amount more than 0
	 * @return the account after the deposit
	 * @throws NoSuchElementException if there is no such account
	 */
	@Transactional
	public Account deposit(CustomerId customerId, Money amount) {
		Account account = this.accounts.findForUpdateByCustomerId(customerId).orElseThrow(() -> unknown(customerId));
		account.deposit(amount);
		return account;
	}

	private static NoSuchElementException unknown(CustomerId customerId) {
		return new NoSuchElementException("No customer " + customerId);
	}

}
