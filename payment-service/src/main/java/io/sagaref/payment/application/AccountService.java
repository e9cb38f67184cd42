package io.sagaref.payment.application;

import java.math.BigDecimal;
import java.util.NoSuchElementException;
import java.util.UUID;

import io.sagaref.payment.Account;
import io.sagaref.payment.Accounts;

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

	@Transactional
	public Account open(String name, BigDecimal initialBalance) {
		return this.accounts.save(Account.open(UUID.randomUUID(), name, initialBalance));
	}

	/**
	 * @param customerId the account's id
	 * @return the account
	 * @throws NoSuchElementException if there is none
	 */
	@Transactional(readOnly = true)
	public Account account(UUID customerId) {
		return this.accounts.findById(customerId).orElseThrow(() -> unknown(customerId));
	}

	/**
	 * Pays money into an account.
	 * @param customerId the account's id
	 * @param amount more than 0, in whole cents
	 * @return the account after the deposit
	 * @throws NoSuchElementException if there is no such account
	 */
	@Transactional
	public Account deposit(UUID customerId, BigDecimal amount) {
		Account account = this.accounts.findForUpdateByCustomerId(customerId).orElseThrow(() -> unknown(customerId));
		account.deposit(amount);
		return account;
	}

	private static NoSuchElementException unknown(UUID customerId) {
		return new NoSuchElementException("No customer " + customerId);
	}

}
