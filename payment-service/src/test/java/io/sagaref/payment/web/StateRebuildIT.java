package io.sagaref.payment.web;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.sagaref.payment.PaymentServiceIntegrationTest;
import io.sagaref.testsupport.ApiReply;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operator's rebuild on the real stack: the accounts' rows folded from their events
 * alone are the rows they replace, a broken row is repaired, and the snapshots it dropped
 * are not needed to answer.
 */
class StateRebuildIT extends PaymentServiceIntegrationTest {

	@Test
	void rebuildsTheRowsItReplacedFromTheEventsAlone() {
		UUID busy = openAccount("30.00");
		deposit(busy, "10.00");
		UUID orderId = paidOrder(busy, "25.00");
		publish(orderEvent("OrderCancelled", orderId, null));
		awaitPayment("PaymentRefunded", orderId);
		reverse(busy, ledger(busy).get(1).path("entryId").asString(), "duplicate");
		UUID empty = openAccount("0");
		UUID rich = openAccount("99999999999999999.99");
		List<UUID> accounts = List.of(busy, empty, rich);
		List<Map<String, Object>> before = accountRows(accounts);
		this.jdbc.update("update account set balance = balance + 1, total_deposited = 0 where customer_id = ?", empty);

		ApiReply rebuilt = api().post("/internal/admin/rebuild-state", "");

		assertThat(rebuilt.status()).as(rebuilt.body()).isEqualTo(200);
		assertThat(rebuilt.json().propertyNames()).containsExactlyInAnyOrder("streams", "events", "tookMillis");
		assertThat(rebuilt.json().path("streams").asLong())
			.isEqualTo(this.jdbc.queryForObject("select count(*) from account", Long.class));
		assertThat(rebuilt.json().path("events").asLong()).isGreaterThanOrEqualTo(7);
		assertThat(accountRows(accounts)).isEqualTo(before);
		assertThat(this.jdbc.queryForObject("select count(*) from event_snapshot where stream_type = 'account'",
				Integer.class))
			.isZero();
		assertThat(balance(busy)).isEqualTo(new BigDecimal("30.00"));
		assertMoneyIsConserved();
		assertThat(deposit(empty, "1.00").json().path("balance").decimalValue()).isEqualTo(new BigDecimal("1.00"));
	}

}
