package io.sagaref.payment.persistence;

import java.util.Collection;
import java.util.UUID;

import io.sagaref.payment.CustomerId;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Locks account rows in customer id order with one statement, loading nothing into the
 * persistence context: the lock is all a poll needs before its charges (ADR 6).
 */
class AccountRowLocksImpl implements AccountRowLocks {

	private final JdbcTemplate jdbc;

	AccountRowLocksImpl(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void lockRows(Collection<CustomerId> customerIds) {
		UUID[] ids = customerIds.stream().map(CustomerId::value).toArray(UUID[]::new);
		this.jdbc.query((connection) -> {
			var statement = connection.prepareStatement(
					"select customer_id from account where customer_id = any(?) order by customer_id for update");
			statement.setArray(1, connection.createArrayOf("uuid", ids));
			return statement;
		}, (row) -> {
		});
	}

}
