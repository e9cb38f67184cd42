package io.sagaref.payment;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A customer's money, folded from the account's events. Deposits add to it; only a
 * {@link Payment} takes money out or puts it back (a charge or refund of an order); an
 * operator may reverse an opening balance or a deposit. It never goes negative, and it
 * remembers everything paid in (less what was reversed), which the ledger needs to prove
 * money is conserved.
 * <p>
 * Immutable: a command ({@link #deposit}, {@link #charge}, {@link #reverse}, ...) checks
 * the rules and answers the fact to record, and the state changes only when that fact is
 * recorded and {@link #apply applied}, so a decision and the fold of its event can never
 * disagree, and an account read at any point of its history is the same value.
 */
public final class Account {

	static final int MAX_NAME_LENGTH = 200;

	private final CustomerId customerId;

	private final String name;

	private final Money balance;

	private final Money totalDeposited;

	private final long version;

	/** The opening balance and deposits not reversed yet: entry id to amount. */
	private final Map<UUID, Money> reversible;

	private Account(CustomerId customerId, String name, Money balance, Money totalDeposited, long version,
			Map<UUID, Money> reversible) {
		this.customerId = Objects.requireNonNull(customerId, "customerId");
		this.name = Objects.requireNonNull(name, "name");
		this.balance = Objects.requireNonNull(balance, "balance");
		this.totalDeposited = Objects.requireNonNull(totalDeposited, "totalDeposited");
		this.version = version;
		this.reversible = Map.copyOf(reversible);
	}

	/**
	 * Decides the opening of an account.
	 * @param name the customer's name, not blank, at most 200 characters
	 * @param openingBalance the first deposit, 0 or more
	 * @return the fact to record as the first event of the new account's stream
	 * @throws IllegalArgumentException if the name or balance breaks a rule
	 */
	public static AccountOpened open(String name, Money openingBalance) {
		if (name == null || name.isBlank()) {
			throw new IllegalArgumentException("name must not be blank");
		}
		if (name.length() > MAX_NAME_LENGTH) {
			throw new IllegalArgumentException("name must be at most " + MAX_NAME_LENGTH + " characters");
		}
		return new AccountOpened(name.strip(), openingBalance.requireNonNegative("initialBalance"));
	}

	/**
	 * @param customerId the stream's (customer's) id
	 * @param first the stream's first event, an {@link AccountOpened}
	 * @return the account it opened
	 * @throws IllegalStateException if the event does not open an account
	 */
	public static Account opened(CustomerId customerId, RecordedAccountEvent first) {
		if (!(first.event() instanceof AccountOpened opened)) {
			throw new IllegalStateException("Account " + customerId + " begins with "
					+ first.event().getClass().getSimpleName() + ", not AccountOpened");
		}
		Map<UUID, Money> reversible = new HashMap<>();
		if (opened.openingBalance().isGreaterThan(Money.ZERO)) {
			reversible.put(first.eventId(), opened.openingBalance());
		}
		return new Account(customerId, opened.name(), opened.openingBalance(), opened.openingBalance(),
				first.sequence(), reversible);
	}

	/**
	 * An account as a snapshot of its stream recorded it.
	 * @param customerId the account's id
	 * @param name the customer's name
	 * @param balance the money held
	 * @param totalDeposited everything paid in, less what was reversed
	 * @param version the last event folded in
	 * @param reversible the opening balance and deposits not reversed yet, by entry id
	 * @return the account
	 */
	public static Account restore(CustomerId customerId, String name, Money balance, Money totalDeposited, long version,
			Map<UUID, Money> reversible) {
		return new Account(customerId, name, balance, totalDeposited, version, reversible);
	}

	/**
	 * Folds the next event of the stream in.
	 * @param next the event after {@link #version()}
	 * @return the account after it
	 * @throws IllegalStateException if it cannot follow (out of order, a second opening)
	 */
	public Account apply(RecordedAccountEvent next) {
		if (next.sequence() != this.version + 1) {
			throw new IllegalStateException("Account " + this.customerId + " is at version " + this.version + "; event "
					+ next.sequence() + " cannot follow");
		}
		return switch (next.event()) {
			case AccountOpened opened ->
				throw new IllegalStateException("Account " + this.customerId + " is already open");
			case MoneyDeposited deposited -> {
				Map<UUID, Money> reversible = new HashMap<>(this.reversible);
				reversible.put(next.eventId(), deposited.amount());
				yield next(this.balance.plus(deposited.amount()), this.totalDeposited.plus(deposited.amount()), next,
						reversible);
			}
			case AccountCharged charged ->
				next(this.balance.minus(charged.amount()), this.totalDeposited, next, this.reversible);
			case AccountRefunded refunded ->
				next(this.balance.plus(refunded.amount()), this.totalDeposited, next, this.reversible);
			case EntryReversed reversed -> {
				Map<UUID, Money> reversible = new HashMap<>(this.reversible);
				reversible.remove(reversed.entryId());
				yield next(this.balance.minus(reversed.amount()), this.totalDeposited.minus(reversed.amount()), next,
						reversible);
			}
		};
	}

	private Account next(Money balance, Money totalDeposited, RecordedAccountEvent event, Map<UUID, Money> reversible) {
		return new Account(this.customerId, this.name, balance, totalDeposited, event.sequence(), reversible);
	}

	/**
	 * Decides a deposit.
	 * @param amount more than 0
	 * @return the fact to record
	 * @throws IllegalArgumentException if the amount is 0 or less, or too large
	 */
	public MoneyDeposited deposit(Money amount) {
		return new MoneyDeposited(amount.requirePositive("amount"));
	}

	public boolean canAfford(Money amount) {
		return !this.balance.isLessThan(amount);
	}

	/**
	 * Decides taking an order's payment from the account.
	 * @param orderId the order
	 * @param amount the sum, at most the balance
	 * @return the fact to record
	 * @throws IllegalStateException if the balance does not cover it
	 */
	public AccountCharged charge(OrderId orderId, Money amount) {
		if (!canAfford(amount)) {
			throw new IllegalStateException(
					"Account " + this.customerId + " holds " + this.balance + ", cannot pay " + amount);
		}
		return new AccountCharged(orderId, amount);
	}

	/**
	 * Decides giving an order's payment back; the {@link Payment} guards that it happens
	 * once and only for money it took.
	 * @param orderId the order
	 * @param amount the sum it took
	 * @return the fact to record
	 */
	public AccountRefunded refund(OrderId orderId, Money amount) {
		return new AccountRefunded(orderId, amount.requireNonNegative("amount"));
	}

	/**
	 * @param entryId a ledger entry's id
	 * @return whether it is this account's opening balance or a deposit, of more than
	 * nothing, not reversed yet
	 */
	public boolean isReversible(UUID entryId) {
		return this.reversible.containsKey(entryId);
	}

	/**
	 * Decides reversing an opening balance or a deposit by hand.
	 * @param entryId the entry, see {@link #isReversible}
	 * @param reason why, not blank
	 * @return the compensating fact to record
	 * @throws IllegalArgumentException if the entry is not reversible or the reason blank
	 * (the caller asks {@link #isReversible} first and explains a refusal from the
	 * history)
	 * @throws IllegalStateException if the balance no longer holds the entry's money
	 */
	public EntryReversed reverse(UUID entryId, String reason) {
		Money amount = this.reversible.get(entryId);
		if (amount == null) {
			throw new IllegalArgumentException("Entry " + entryId + " is no opening balance or deposit of "
					+ this.customerId + " left to reverse");
		}
		if (reason == null || reason.isBlank()) {
			throw new IllegalArgumentException("reason must not be blank");
		}
		if (!canAfford(amount)) {
			throw new IllegalStateException("Account " + this.customerId + " holds " + this.balance
					+ ", cannot give up the " + amount + " of entry " + entryId);
		}
		return new EntryReversed(entryId, amount, reason.strip());
	}

	public CustomerId customerId() {
		return this.customerId;
	}

	public String name() {
		return this.name;
	}

	public Money balance() {
		return this.balance;
	}

	public Money totalDeposited() {
		return this.totalDeposited;
	}

	/**
	 * @return the last event folded in: the stream version the next append expects
	 */
	public long version() {
		return this.version;
	}

	/**
	 * @return the opening balance and deposits not reversed yet, by entry id
	 */
	public Map<UUID, Money> reversible() {
		return this.reversible;
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return this == other || (other instanceof Account account && this.customerId.equals(account.customerId)
				&& this.name.equals(account.name) && this.balance.equals(account.balance)
				&& this.totalDeposited.equals(account.totalDeposited) && this.version == account.version
				&& this.reversible.equals(account.reversible));
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.customerId, this.version);
	}

	@Override
	public String toString() {
		return "Account " + this.customerId + "@" + this.version + " (" + this.name + "): " + this.balance;
	}

}
