package io.sagaref.payment.persistence;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.sagaref.eventstore.EventMetadata;
import io.sagaref.eventstore.EventStore;
import io.sagaref.eventstore.NewEvent;
import io.sagaref.payment.Account;
import io.sagaref.payment.Accounts;
import io.sagaref.payment.CustomerId;
import io.sagaref.payment.Money;
import io.sagaref.payment.PaymentServiceIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The accounts a command finds in memory instead of reading their streams are always the
 * committed state at the version the row lock reads: a change that rolled back is never
 * served, and a change another instance made is seen; and they are used.
 */
class RecentAccountsIT extends PaymentServiceIntegrationTest {

	@Autowired
	private Accounts accounts;

	@Autowired
	private EventStore store;

	@Autowired
	private PlatformTransactionManager transactions;

	@Test
	void neverServesAChangeThatRolledBack() {
		UUID customerId = openAccount("10.00");
		deposit(customerId, "5.00");

		assertThatIllegalStateException().isThrownBy(() -> transaction().executeWithoutResult((status) -> {
			Account account = this.accounts.findForUpdate(new CustomerId(customerId)).orElseThrow();
			this.accounts.append(account, account.deposit(Money.of("100.00")));
			throw new IllegalStateException("changed my mind");
		}));

		assertThat(deposit(customerId, "1.00").json().path("balance").decimalValue())
			.isEqualTo(new BigDecimal("16.00"));
		assertThat(ledger(customerId).valueStream().map((entry) -> entry.path("sequence").asLong())).containsExactly(1L,
				2L, 3L);
		assertMoneyIsConserved();
	}

	@Test
	void seesAChangeAnotherInstanceMade() {
		UUID customerId = openAccount("10.00");
		deposit(customerId, "5.00");

		transaction().executeWithoutResult((status) -> {
			this.store.append("account", customerId.toString(), 2,
					List.of(new NewEvent("MoneyDeposited", 1, Map.of("amount", new BigDecimal("20.00")), null)),
					EventMetadata.correlatedBy(customerId.toString()));
			this.jdbc.update("update account set balance = 35.00, total_deposited = 35.00, stream_version = 3"
					+ " where customer_id = ?", customerId);
		});

		assertThat(deposit(customerId, "1.00").json().path("balance").decimalValue())
			.isEqualTo(new BigDecimal("36.00"));
		assertThat(accountRows(List.of(customerId)).getFirst()).containsEntry("stream_version", 4L);
		assertMoneyIsConserved();
	}

	@Test
	void readsNoEventsForAnAccountItHolds() {
		UUID customerId = openAccount("10.00");
		deposit(customerId, "5.00");
		String tampered = "update event_store set data = jsonb_set(data, '{amount}', ?::jsonb)"
				+ " where stream_id = ? and stream_version = 2";
		this.jdbc.update(tampered, "500.00", customerId.toString());
		try {
			assertThat(deposit(customerId, "1.00").json().path("balance").decimalValue())
				.as("folded in memory, not from the tampered event")
				.isEqualTo(new BigDecimal("16.00"));
		}
		finally {
			this.jdbc.update(tampered, "5.00", customerId.toString());
		}
		assertThat(ledger(customerId).get(2).path("balanceAfter").decimalValue()).isEqualTo(new BigDecimal("16.00"));
	}

	private TransactionTemplate transaction() {
		return new TransactionTemplate(this.transactions);
	}

}
