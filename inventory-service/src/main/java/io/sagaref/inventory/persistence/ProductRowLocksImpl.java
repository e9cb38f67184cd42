package io.sagaref.inventory.persistence;

import java.util.Collection;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Locks product rows in sku order with one statement, loading nothing into the
 * persistence context: the lock is all a poll needs before its reservations (ADR 6).
 */
class ProductRowLocksImpl implements ProductRowLocks {

	private final JdbcTemplate jdbc;

	ProductRowLocksImpl(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void lockRows(Collection<String> skus) {
		this.jdbc.query((connection) -> {
			var statement = connection
				.prepareStatement("select sku from product where sku = any(?) order by sku for update");
			statement.setArray(1, connection.createArrayOf("text", skus.toArray()));
			return statement;
		}, (row) -> {
		});
	}

}
