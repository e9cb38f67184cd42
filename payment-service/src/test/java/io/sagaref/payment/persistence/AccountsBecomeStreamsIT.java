package io.sagaref.payment.persistence;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import io.sagaref.payment.PaymentServiceIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Migration V3 turns an account from before event sourcing (a row at stream version 0,
 * and its payments) into a stream whose fold is that row, and running it again changes
 * nothing.
 */
class AccountsBecomeStreamsIT extends PaymentServiceIntegrationTest {

	@Autowired
	private DataSource dataSource;

	@Test
	void turnsALegacyAccountAndItsPaymentsIntoItsStream() {
		UUID customerId = UUID.randomUUID();
		// ascending both as Java and as Postgres compare UUIDs (unsigned bytes): the high
		// bits
		// are a positive number counting up
		long base = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE / 2);
		List<UUID> orders = IntStream.range(0, 3)
			.mapToObj((i) -> new UUID(base + i, UUID.randomUUID().getLeastSignificantBits()))
			.toList();
		this.jdbc.update("insert into account (customer_id, name, balance, total_deposited, stream_version)"
				+ " values (?, 'Legacy Lin', 15.00, 40.00, 0)", customerId);
		payment(orders.get(0), customerId, "25.00", "CAPTURED");
		payment(orders.get(1), customerId, "10.00", "REFUNDED");
		payment(orders.get(2), customerId, "99.00", "DECLINED");
		List<Map<String, Object>> legacy = accountRows(List.of(customerId));

		migrate();
		migrate();

		JsonNode ledger = ledger(customerId);
		assertThat(ledger.valueStream().map((entry) -> entry.path("type").asString())).containsExactly("OPENED",
				"CHARGE", "CHARGE", "REFUND");
		assertThat(ledger.valueStream().map((entry) -> entry.path("balanceAfter").decimalValue())).containsExactly(
				new BigDecimal("40.00"), new BigDecimal("15.00"), new BigDecimal("5.00"), new BigDecimal("15.00"));
		assertThat(ledger.get(3).path("orderId").asString()).isEqualTo(orders.get(1).toString());
		assertThat(accountRows(List.of(customerId)).getFirst()).containsEntry("stream_version", 4L)
			.containsEntry("balance", new BigDecimal("15.00"));
		List<Map<String, Object>> migrated = accountRows(List.of(customerId));
		assertThat(api().post("/internal/admin/rebuild-state", "").status()).isEqualTo(200);
		assertThat(accountRows(List.of(customerId))).isEqualTo(migrated);
		assertThat(migrated.getFirst()).containsEntry("total_deposited", legacy.getFirst().get("total_deposited"));
	}

	private void payment(UUID orderId, UUID customerId, String amount, String status) {
		this.jdbc.update("insert into payment (order_id, customer_id, amount, status, event_sequence, version)"
				+ " values (?, ?, ?::numeric, ?, 1, 0)", orderId, customerId, amount, status);
	}

	private void migrate() {
		new ResourceDatabasePopulator(new ClassPathResource("db/migration/V3__accounts_become_streams.sql"))
			.execute(this.dataSource);
	}

}
