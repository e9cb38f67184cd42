package io.sagaref.payment.application;

import io.sagaref.payment.Money;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the {@link Ledger} in one SQL statement, so all sums come from the same snapshot
 * of the database.
 */
@Service
public class LedgerQuery {

	private static final String SQL = """
			select (select coalesce(sum(total_deposited), 0) from account),
			       (select coalesce(sum(balance), 0) from account),
			       coalesce(sum(amount) filter (where status = 'CAPTURED'), 0),
			       coalesce(sum(amount) filter (where status = 'REFUNDED'), 0),
			       count(*)
			from payment
			""";

	private final JdbcTemplate jdbc;

	public LedgerQuery(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional(readOnly = true)
	public Ledger ledger() {
		Ledger ledger = this.jdbc.queryForObject(SQL,
				(rs, row) -> new Ledger(Money.of(rs.getBigDecimal(1)), Money.of(rs.getBigDecimal(2)),
						Money.of(rs.getBigDecimal(3)), Money.of(rs.getBigDecimal(4)), rs.getLong(5)));
		if (ledger == null) {
			throw new IllegalStateException("The ledger query returned no row");
		}
		return ledger;
	}

}
