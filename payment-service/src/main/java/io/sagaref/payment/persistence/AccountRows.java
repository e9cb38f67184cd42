package io.sagaref.payment.persistence;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import io.sagaref.payment.Account;
import io.sagaref.payment.CustomerId;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The {@code account} table, the accounts' current state (name, balance, what was
 * deposited, the stream version it reflects), on plain JDBC: one statement per change,
 * nothing loaded into a persistence context. Its row is also the lock that serializes an
 * account's commands.
 */
final class AccountRows {

	private final JdbcTemplate jdbc;

	AccountRows(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @return whether the row exists (and is now locked until the transaction ends)
	 */
	boolean lock(CustomerId customerId) {
		return !this.jdbc
			.queryForList("select customer_id from account where customer_id = ? for update", UUID.class,
					customerId.value())
			.isEmpty();
	}

	/**
	 * Locks rows in customer id order, with one statement.
	 * @return the ids whose rows exist, now locked
	 */
	List<CustomerId> lock(Collection<CustomerId> customerIds) {
		UUID[] ids = customerIds.stream().map(CustomerId::value).toArray(UUID[]::new);
		return this.jdbc.query((connection) -> {
			var statement = connection.prepareStatement(
					"select customer_id from account where customer_id = any(?) order by customer_id for update");
			statement.setArray(1, connection.createArrayOf("uuid", ids));
			return statement;
		}, (row, number) -> new CustomerId(row.getObject(1, UUID.class)));
	}

	/**
	 * Holds off every command on every account until the transaction ends; reads of the
	 * table go on, seeing the rows as they were.
	 */
	void lockAll() {
		this.jdbc.execute("lock table account in exclusive mode");
	}

	void insert(Account account) {
		this.jdbc.update(
				"insert into account (customer_id, name, balance, total_deposited, stream_version) values (?, ?, ?, ?, ?)",
				account.customerId().value(), account.name(), account.balance().amount(),
				account.totalDeposited().amount(), account.version());
	}

	void insertAll(List<Account> accounts) {
		this.jdbc.batchUpdate(
				"insert into account (customer_id, name, balance, total_deposited, stream_version) values (?, ?, ?, ?, ?)",
				accounts.stream()
					.map((account) -> new Object[] { account.customerId().value(), account.name(),
							account.balance().amount(), account.totalDeposited().amount(), account.version() })
					.toList());
	}

	void update(Account account) {
		int updated = this.jdbc.update(
				"update account set balance = ?, total_deposited = ?, stream_version = ? where customer_id = ?",
				account.balance().amount(), account.totalDeposited().amount(), account.version(),
				account.customerId().value());
		if (updated != 1) {
			throw new IllegalStateException("Account " + account.customerId() + " has no current-state row");
		}
	}

	int deleteAll() {
		return this.jdbc.update("delete from account");
	}

}
