package io.sagaref.payment.persistence;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.sagaref.payment.PaymentServiceIntegrationTest;
import io.sagaref.testsupport.ApiReply;
import io.sagaref.testsupport.Problems;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An AccountOpened stored at version 1 (fields {@code customerName} and
 * {@code initialBalance}) before the code wrote version 2: inserted straight into the
 * table, it reads as version 2 in the ledger, the current state, the state at an instant
 * and a rebuild, and the stored row is never rewritten.
 */
class AccountUpcastIT extends PaymentServiceIntegrationTest {

	@Test
	void readsAStoredVersionOneOpeningAsVersionTwoEverywhere() {
		UUID customerId = UUID.randomUUID();
		UUID eventId = UUID.randomUUID();
		Instant openedAt = Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.MICROS);
		this.jdbc.update(
				"insert into event_store (stream_type, stream_id, stream_version, event_id, event_type,"
						+ " event_version, data, metadata, recorded_at) values ('account', ?, 1, ?, 'AccountOpened', 1,"
						+ " ?::jsonb, ?::jsonb, ?)",
				customerId.toString(), eventId, "{\"customerName\": \"Grace Hopper\", \"initialBalance\": 42.50}",
				"{\"correlationId\": null, \"causationId\": null, \"attributes\": {}}", Timestamp.from(openedAt));

		JsonNode ledger = ledger(customerId);
		assertThat(ledger).hasSize(1);
		assertThat(ledger.get(0).path("entryId").asString()).isEqualTo(eventId.toString());
		assertThat(ledger.get(0).path("type").asString()).isEqualTo("OPENED");
		assertThat(ledger.get(0).path("amount").decimalValue()).isEqualTo(new BigDecimal("42.50"));
		assertThat(Instant.parse(ledger.get(0).path("occurredAt").asString())).isEqualTo(openedAt);
		assertAccount(api().get("/api/customers/" + customerId), customerId);
		assertAccount(api().get("/api/customers/" + customerId + "?asOf=" + openedAt), customerId);
		Problems.assertProblem(api().get("/api/customers/" + customerId + "?asOf=" + openedAt.minusSeconds(1)), 404,
				customerId.toString());

		assertThat(api().post("/internal/admin/rebuild-state", "").status()).isEqualTo(200);

		assertThat(accountRows(List.of(customerId)))
			.containsExactly(Map.of("customer_id", customerId, "name", "Grace Hopper", "balance",
					new BigDecimal("42.50"), "total_deposited", new BigDecimal("42.50"), "stream_version", 1L));
		assertThat(deposit(customerId, "7.50").json().path("balance").decimalValue())
			.isEqualTo(new BigDecimal("50.00"));
		assertThat(this.jdbc.queryForObject("select event_version from event_store where event_id = ?", Integer.class,
				eventId))
			.isEqualTo(1);
		assertMoneyIsConserved();
	}

	private static void assertAccount(ApiReply reply, UUID customerId) {
		assertThat(reply.status()).as(reply.body()).isEqualTo(200);
		assertThat(reply.json().path("customerId").asString()).isEqualTo(customerId.toString());
		assertThat(reply.json().path("name").asString()).isEqualTo("Grace Hopper");
		assertThat(reply.json().path("balance").decimalValue()).isEqualTo(new BigDecimal("42.50"));
	}

}
