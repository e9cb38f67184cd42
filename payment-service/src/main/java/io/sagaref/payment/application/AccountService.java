package io.sagaref.payment.application;

import java.time.Instant;
import java.util.NoSuchElementException;
import java.util.UUID;

import io.sagaref.payment.Account;
import io.sagaref.payment.AccountHistory;
import io.sagaref.payment.Accounts;
import io.sagaref.payment.CustomerId;
import io.sagaref.payment.LedgerEntry;
import io.sagaref.payment.Money;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Customer accounts: open one, pay money in, read it now or at an instant, read its
 * ledger, reverse an entry of it by hand. Every change locks the account like a payment
 * does, so it cannot be lost to a concurrent charge.
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
		return this.accounts.open(CustomerId.random(), Account.open(name, initialBalance)).account();
	}

	/**
	 * @param customerId the account's id
	 * @return the account
	 * @throws NoSuchElementException if there is none
	 */
	@Transactional(readOnly = true)
	public Account account(CustomerId customerId) {
		return this.accounts.find(customerId).orElseThrow(() -> unknown(customerId));
	}

	/**
	 * @param customerId the account's id
	 * @param asOf the instant, inclusive
	 * @return the account as it stood then
	 * @throws NoSuchElementException if it was not opened by then
	 */
	@Transactional(readOnly = true)
	public Account account(CustomerId customerId, Instant asOf) {
		return this.accounts.findAsOf(customerId, asOf)
			.orElseThrow(() -> new NoSuchElementException("Customer " + customerId + " had no account at " + asOf));
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
		Account account = locked(customerId);
		return this.accounts.append(account, account.deposit(amount)).account();
	}

	/**
	 * @param customerId the account's id
	 * @return its ledger, oldest entry first
	 * @throws NoSuchElementException if there is no such account
	 */
	@Transactional(readOnly = true)
	public AccountHistory ledger(CustomerId customerId) {
		AccountHistory history = AccountHistory.of(customerId, this.accounts.history(customerId));
		if (history.isEmpty()) {
			throw unknown(customerId);
		}
		return history;
	}

	/**
	 * @param customerId the account's id
	 * @param entryId an entry of its ledger
	 * @return the entry
	 * @throws NoSuchElementException if there is no such account or entry
	 */
	@Transactional(readOnly = true)
	public LedgerEntry entry(CustomerId customerId, UUID entryId) {
		return ledger(customerId).entry(entryId)
			.orElseThrow(
					() -> new NoSuchElementException("Customer " + customerId + " has no ledger entry " + entryId));
	}

	/**
	 * Reverses an opening balance or a deposit by hand, with a compensating entry: the
	 * money leaves the balance and what was deposited, and the history keeps both.
	 * @param customerId the account's id
	 * @param entryId the entry to reverse
	 * @param reason why
	 * @return the reversal's entry
	 * @throws NoSuchElementException if there is no such account or entry
	 * @throws IllegalStateException if the entry is already reversed, a charge, refund or
	 * reversal, or if the balance no longer holds its money
	 */
	@Transactional
	public LedgerEntry reverse(CustomerId customerId, UUID entryId, String reason) {
		Account account = locked(customerId);
		if (!account.isReversible(entryId)) {
			throw AccountHistory.of(customerId, this.accounts.history(customerId)).refusalToReverse(entryId);
		}
		Accounts.Appended reversed = this.accounts.append(account, account.reverse(entryId, reason));
		return LedgerEntry.following(account.balance(), reversed.event());
	}

	/**
	 * Rebuilds every account's current state from its events alone (an operator's repair,
	 * or a check that the rows are what the events say).
	 * @return what was rebuilt, and how long it took
	 */
	@Transactional
	public StateRebuilt rebuildState() {
		long started = System.nanoTime();
		Accounts.Rebuilt rebuilt = this.accounts.rebuild();
		return new StateRebuilt(rebuilt.streams(), rebuilt.events(), (System.nanoTime() - started) / 1_000_000);
	}

	private Account locked(CustomerId customerId) {
		return this.accounts.findForUpdate(customerId).orElseThrow(() -> unknown(customerId));
	}

	private static NoSuchElementException unknown(CustomerId customerId) {
		return new NoSuchElementException("No customer " + customerId);
	}

}
