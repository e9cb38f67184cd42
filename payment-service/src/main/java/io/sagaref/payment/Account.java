package io.sagaref.payment;

import java.math.BigDecimal;
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
 */
@Entity
@Table(name = "account")
public class Account {

	static final int MAX_NAME_LENGTH = 200;

	@Id
	private UUID customerId;

	private String name;

	@Column(precision = 19, scale = 2)
	private BigDecimal balance;

	@Column(precision = 19, scale = 2)
	private BigDecimal totalDeposited;

	@Version
	private @Nullable Integer version;

	protected Account() {
		// for JPA
	}

	private Account(UUID customerId, String name, BigDecimal initialBalance) {
		this.customerId = customerId;
		this.name = name;
		this.balance = initialBalance;
		this.totalDeposited = initialBalance;
	}

	/**
	 * Opens an account.
	 * @param customerId the new customer's id
	 * @param name the customer's name, not blank, at most 200 characters
	 * @param initialBalance the first deposit, 0 or more, in whole cents
	 * @return the account
	 * @throws IllegalArgumentException if the name or balance breaks a rule
	 */
	public static Account open(UUID customerId, String name, BigDecimal initialBalance) {
		Objects.requireNonNull(customerId, "customerId");
		if (name == null || name.isBlank()) {
			throw new IllegalArgumentException("name must not be blank");
		}
		if (name.length() > MAX_NAME_LENGTH) {
			throw new IllegalArgumentException("name must be at most " + MAX_NAME_LENGTH + " characters");
		}
		return new Account(customerId, name.strip(), Amounts.nonNegative(initialBalance, "initialBalance"));
	}

	/**
	 * Pays money in.
	 * @param amount more than 0, in whole cents
	 */
	public void deposit(BigDecimal amount) {
		BigDecimal cents = Amounts.positive(amount, "amount");
		this.balance = this.balance.add(cents);
		this.totalDeposited = this.totalDeposited.add(cents);
	}

	public boolean canAfford(BigDecimal amount) {
		return this.balance.compareTo(amount) >= 0;
	}

	void debit(BigDecimal amount) {
		if (!canAfford(amount)) {
			throw new IllegalStateException(
					"Account " + this.customerId + " holds " + this.balance + ", cannot pay " + amount);
		}
		this.balance = this.balance.subtract(amount);
	}

	void credit(BigDecimal amount) {
		this.balance = this.balance.add(amount);
	}

	public UUID customerId() {
		return this.customerId;
	}

	public String name() {
		return this.name;
	}

	public BigDecimal balance() {
		return this.balance;
	}

	public BigDecimal totalDeposited() {
		return this.totalDeposited;
	}

}
