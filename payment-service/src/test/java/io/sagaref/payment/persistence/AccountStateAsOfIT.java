package io.sagaref.payment.persistence;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.sagaref.eventstore.EventStore;
import io.sagaref.eventstore.Snapshots;
import io.sagaref.eventstore.SnapshottingStreamLoader;
import io.sagaref.payment.Account;
import io.sagaref.payment.CustomerId;
import io.sagaref.payment.Money;
import io.sagaref.payment.PaymentServiceIntegrationTest;
import io.sagaref.testsupport.ApiReply;
import io.sagaref.testsupport.Problems;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An account as it stood at an instant, on the real store: the service (snapshots every 2
 * events) and the same accounts on a loader that never snapshots give the same answers at
 * every instant, before and after its snapshots.
 */
class AccountStateAsOfIT extends PaymentServiceIntegrationTest {

	@Autowired
	private EventStore store;

	@Autowired
	private Snapshots snapshots;

	@Autowired
	private JsonMapper json;

	@Test
	void answersTheSameStateAtThreeInstantsWithSnapshotsEveryTwoEventsAndWithNone() {
		UUID customerId = openAccount("10.00");
		deposit(customerId, "5.00");
		deposit(customerId, "2.00");
		deposit(customerId, "3.00");
		paidOrder(customerId, "6.00");
		List<Instant> at = occurredAt(ledger(customerId));
		List<Instant> instants = List.of(at.get(0), at.get(2), at.get(4));
		List<BigDecimal> expected = List.of(new BigDecimal("10.00"), new BigDecimal("17.00"), new BigDecimal("14.00"));
		var withoutSnapshots = new EventSourcedAccounts(new SnapshottingStreamLoader(this.store, this.snapshots, 0),
				this.store, this.snapshots, this.jdbc, this.json, 0);

		assertThat(this.jdbc.queryForList(
				"select stream_version from event_snapshot where stream_id = ?" + " order by stream_version",
				Long.class, customerId.toString()))
			.containsExactly(2L, 4L);
		for (int i = 0; i < instants.size(); i++) {
			ApiReply then = api().get("/api/customers/" + customerId + "?asOf=" + instants.get(i));
			assertThat(then.status()).as(then.body()).isEqualTo(200);
			assertThat(then.json().path("balance").decimalValue()).as("at %s", instants.get(i))
				.isEqualTo(expected.get(i));
			Account folded = withoutSnapshots.findAsOf(new CustomerId(customerId), instants.get(i)).orElseThrow();
			assertThat(folded.balance()).isEqualTo(Money.of(expected.get(i)));
			assertThat(folded.version()).isEqualTo(2L * i + 1);
		}
		Instant beforeOpening = at.get(0).minusNanos(1000);
		Problems.assertProblem(api().get("/api/customers/" + customerId + "?asOf=" + beforeOpening), 404,
				customerId.toString());
		assertThat(withoutSnapshots.findAsOf(new CustomerId(customerId), beforeOpening)).isEmpty();
		Problems.assertProblem(api().get("/api/customers/" + customerId + "?asOf=2030-13-01"), 400, "asOf");
	}

	private static List<Instant> occurredAt(JsonNode ledger) {
		return ledger.valueStream().map((entry) -> Instant.parse(entry.path("occurredAt").asString())).toList();
	}

}
