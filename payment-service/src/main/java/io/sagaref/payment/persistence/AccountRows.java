package io.sagaref.payment.persistence;

import java.sql.Array;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import io.sagaref.payment.Account;
import io.sagaref.payment.CustomerId;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The {@code account} table, the accounts' current state (name, balance, what was
 * deposited, the stream version it reflects), on plain JDBC, nothing loaded into a
 * persistence context: a new account is one insert, the changes of a transaction one
 * update. Its row is also the lock that serializes an account's commands, and the lock
 * answers the stream version, so a load knows whether a snapshot can exist.
 */
final class AccountRows {

	private final JdbcTemplate jdbc;

	AccountRows(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @return the stream version the row reflects, if it exists (and is now locked until
	 * the transaction ends)
	 */
	Optional<Long> lock(CustomerId customerId) {
		return this.jdbc
			.queryForList("select stream_version from account where customer_id = ? for update", Long.class,
					customerId.value())
			.stream()
			.findFirst();
	}

	/**
	 * Locks rows in customer id order, with one statement.
	 * @return the stream version of each row found, now locked
	 */
	Map<CustomerId, Long> lock(Collection<CustomerId> customerIds) {
		Map<CustomerId, Long> versions = new HashMap<>();
		this.jdbc.query((connection) -> {
			var statement = connection.prepareStatement("select customer_id, stream_version from account"
					+ " where customer_id = any(?) order by customer_id for update");
			statement.setArray(1,
					connection.createArrayOf("uuid", customerIds.stream().map(CustomerId::value).toArray()));
			return statement;
		}, (row) -> {
			versions.put(new CustomerId(row.getObject(1, UUID.class)), row.getLong(2));
		});
		return versions;
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

	/**
	 * Writes the current state of changed accounts, all in one statement (their names
	 * never change).
	 * @throws IllegalStateException if an account has no row
	 */
	void updateAll(Collection<Account> accounts) {
		if (accounts.isEmpty()) {
			return;
		}
		int updated = this.jdbc.update((connection) -> {
			var statement = connection.prepareStatement("""
					update account a set balance = v.balance, total_deposited = v.total_deposited,
					                     stream_version = v.stream_version
					from unnest(?::uuid[], ?::numeric[], ?::numeric[], ?::bigint[])
					     as v(customer_id, balance, total_deposited, stream_version)
					where a.customer_id = v.customer_id""");
			statement.setArray(1, array(connection, "uuid", accounts.stream().map((a) -> a.customerId().value())));
			statement.setArray(2, array(connection, "numeric", accounts.stream().map((a) -> a.balance().amount())));
			statement.setArray(3,
					array(connection, "numeric", accounts.stream().map((a) -> a.totalDeposited().amount())));
			statement.setArray(4, array(connection, "int8", accounts.stream().map(Account::version)));
			return statement;
		});
		if (updated != accounts.size()) {
			throw new IllegalStateException((accounts.size() - updated) + " of " + accounts.size()
					+ " changed accounts have no current-state row");
		}
	}

	private static Array array(Connection connection, String type, Stream<?> values) throws SQLException {
		return connection.createArrayOf(type, values.toArray());
	}

	int deleteAll() {
		return this.jdbc.update("delete from account");
	}

}
