package io.sagaref.payment;

import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.jspecify.annotations.Nullable;

/**
 * A customer's money. Deposits add to it; only a {@link Payment} takes money out or puts
 * it back, so every debit and credit belongs to an order. It never goes negative, and it
 * remembers everything ever paid in, which the ledger needs to prove money is conserved.
 * It records no events of its own (yet): what happens to its money is told by the
 * payments' events.
 */
@Entity
@Table(name = "account")
public class Account {

	static final int MAX_NAME_LENGTH = 200;

	@Id
	private UUID customerId;

	private String name;

	@Column(precision = 19, scale = 2)
	private Money balance;

	@Column(precision = 19, scale = 2)
	private Money totalDeposited;

	@Version
	private @Nullable Integer version;

	protected Account() {
		// for JPA
	}

	private Account(CustomerId customerId, String name, Money initialBalance) {
		this.customerId = customerId.value();
		this.name = name;
		this.balance = initialBalance;
		this.totalDeposited = initialBalance;
	}

	/**
	 * Opens an account.
	 * @param customerId the new customer's id
	 * @param name the customer's name, not blank, at most 200 characters
	 * @param initialBalance the first deposit, 0 or more
	 * @return the account
	 * @throws IllegalArgumentException if the name or balance breaks a rule
	 */
	public static Account open(CustomerId customerId, String name, Money initialBalance) {
		Objects.requireNonNull(customerId, "customerId");
		if (name == null || name.isBlank()) {
			throw new IllegalArgumentException("name must not be blank");
		}
		if (name.length() > MAX_NAME_LENGTH) {
			throw new IllegalArgumentException("name must be at most " + MAX_NAME_LENGTH + " characters");
		}
		return new Account(customerId, name.strip(), initialBalance.requireNonNegative("initialBalance"));
	}

	/**
	 * Pays money in.
	 * @param amount more than 0
	 */
	public void deposit(Money amount) {
		amount.requirePositive("amount");
		this.balance = this.balance.plus(amount);
		this.totalDeposited = this.totalDeposited.plus(amount);
	}

	public boolean canAfford(Money amount) {
		return !this.balance.isLessThan(amount);
	}

	void debit(Money amount) {
		if (!canAfford(amount)) {
			throw new IllegalStateException(
					"Account " + this.customerId + " holds " + this.balance + ", cannot pay " + amount);
		}
		this.balance = this.balance.minus(amount);
	}

	void credit(Money amount) {
		this.balance = this.balance.plus(amount);
	}

	public CustomerId customerId() {
		return new CustomerId(this.customerId);
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

}
