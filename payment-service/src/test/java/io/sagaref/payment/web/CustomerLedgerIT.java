package io.sagaref.payment.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.sagaref.payment.PaymentServiceIntegrationTest;
import io.sagaref.testsupport.ApiReply;
import io.sagaref.testsupport.Problems;
import io.sagaref.web.ReadToken;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A customer's ledger on the real stack, driven by the API and the saga's events: what
 * each entry says, reversals and their effect on balance, ledger and the money ledger,
 * the reversals that are refused, and read tokens.
 */
class CustomerLedgerIT extends PaymentServiceIntegrationTest {

	@Test
	void tellsOpeningDepositChargeAndRefundWithTheBalanceAfterEach() {
		UUID customerId = openAccount("30.00");
		deposit(customerId, "10.00");
		UUID orderId = paidOrder(customerId, "25.00");
		publish(orderEvent("StockRejected", orderId, "OUT_OF_STOCK"));
		awaitPayment("PaymentRefunded", orderId);

		JsonNode ledger = ledger(customerId);

		assertThat(texts(ledger, "type")).containsExactly("OPENED", "DEPOSIT", "CHARGE", "REFUND");
		assertThat(decimals(ledger, "amount")).containsExactly(new BigDecimal("30.00"), new BigDecimal("10.00"),
				new BigDecimal("-25.00"), new BigDecimal("25.00"));
		assertThat(decimals(ledger, "balanceAfter")).containsExactly(new BigDecimal("30.00"), new BigDecimal("40.00"),
				new BigDecimal("15.00"), new BigDecimal("40.00"));
		assertThat(texts(ledger, "sequence")).containsExactly("1", "2", "3", "4");
		assertThat(texts(ledger, "orderId")).containsExactly("", "", orderId.toString(), orderId.toString());
		assertThat(texts(ledger, "entryId")).doesNotHaveDuplicates().doesNotContain("");
		List<Instant> at = texts(ledger, "occurredAt").stream().map(Instant::parse).toList();
		assertThat(at).isSorted();
		ledger.forEach((entry) -> assertThat(entry.propertyNames()).doesNotContain("reverses", "reversedBy"));
		ApiReply charge = api()
			.get("/api/customers/" + customerId + "/ledger/" + ledger.get(2).path("entryId").asString());
		assertThat(charge.json()).isEqualTo(ledger.get(2));
		assertThat(balance(customerId)).isEqualTo(new BigDecimal("40.00"));
	}

	@Test
	void reversesADepositAndEveryViewOfTheMoneyFollows() {
		JsonNode before = api().get("/internal/ledger").json();
		UUID customerId = openAccount("30.00");
		deposit(customerId, "10.00");
		String depositId = ledger(customerId).get(1).path("entryId").asString();

		ApiReply reversed = reverse(customerId, depositId, "The cheque bounced");

		assertThat(reversed.status()).as(reversed.body()).isEqualTo(201);
		JsonNode reversal = reversed.json();
		String reversalId = reversal.path("entryId").asString();
		assertThat(reversed.location()).isEqualTo("/api/customers/" + customerId + "/ledger/" + reversalId);
		assertThat(ReadToken.parse(reversed.header("Read-Token")))
			.isEqualTo(new ReadToken("payment-service", customerId.toString(), 3));
		assertThat(reversal.path("type").asString()).isEqualTo("REVERSAL");
		assertThat(reversal.path("amount").decimalValue()).isEqualTo(new BigDecimal("-10.00"));
		assertThat(reversal.path("balanceAfter").decimalValue()).isEqualTo(new BigDecimal("30.00"));
		assertThat(reversal.path("reverses").asString()).isEqualTo(depositId);
		assertThat(reversal.propertyNames()).doesNotContain("orderId", "reversedBy");
		assertThat(api().get(reversed.location()).json()).isEqualTo(reversal);

		JsonNode ledger = ledger(customerId);
		assertThat(ledger.get(1).path("reversedBy").asString()).isEqualTo(reversalId);
		assertThat(ledger.get(2)).isEqualTo(reversal);
		assertThat(balance(customerId)).isEqualTo(new BigDecimal("30.00"));
		JsonNode after = api().get("/internal/ledger").json();
		assertThat(delta(before, after, "deposits")).isEqualByComparingTo("30.00");
		assertThat(delta(before, after, "balances")).isEqualByComparingTo("30.00");
		assertMoneyIsConserved();
	}

	@Test
	void refusesToReverseTwiceAChargeAReversalOrMoneyAlreadySpent() {
		UUID customerId = openAccount("30.00");
		paidOrder(customerId, "25.00");
		deposit(customerId, "40.00");
		JsonNode ledger = ledger(customerId);
		String opening = ledger.get(0).path("entryId").asString();
		String charge = ledger.get(1).path("entryId").asString();
		String deposit = ledger.get(2).path("entryId").asString();
		String reversal = reverse(customerId, deposit, "duplicate").json().path("entryId").asString();

		Problems.assertProblem(reverse(customerId, deposit, "again"), 409, "already reversed by " + reversal);
		Problems.assertProblem(reverse(customerId, charge, "refund me"), 409, "CHARGE");
		Problems.assertProblem(reverse(customerId, reversal, "undo"), 409, "REVERSAL");
		Problems.assertProblem(reverse(customerId, opening, "fraud"), 409, "holds 5.00");
		UUID unknownEntry = UUID.randomUUID();
		Problems.assertProblem(reverse(customerId, unknownEntry.toString(), "why"), 404, unknownEntry.toString());
		UUID stranger = UUID.randomUUID();
		Problems.assertProblem(reverse(stranger, opening, "why"), 404, stranger.toString());
		Problems.assertProblem(api().get("/api/customers/" + stranger + "/ledger"), 404, stranger.toString());
		Problems.assertProblem(api().get("/api/customers/" + customerId + "/ledger/" + unknownEntry), 404,
				unknownEntry.toString());

		assertThat(ledger(customerId)).hasSize(4);
		assertThat(balance(customerId)).isEqualTo(new BigDecimal("5.00"));
		assertMoneyIsConserved();
	}

	@Test
	void answersReadTokensForChangesAndAcceptsThemOnQueries() {
		ApiReply opened = api().post("/api/customers", "{\"name\": \"Ada\", \"initialBalance\": 1}");
		String customerId = opened.json().path("customerId").asString();
		ApiReply deposited = deposit(UUID.fromString(customerId), "2.00");

		assertThat(ReadToken.parse(opened.header("Read-Token")))
			.isEqualTo(new ReadToken("payment-service", customerId, 1));
		String token = deposited.header("Read-Token");
		assertThat(ReadToken.parse(token)).isEqualTo(new ReadToken("payment-service", customerId, 2));
		ApiReply account = api().get("/api/customers/" + customerId + "?readToken=" + token);
		assertThat(account.status()).isEqualTo(200);
		assertThat(account.json().path("balance").decimalValue()).isEqualTo(new BigDecimal("3.00"));
		assertThat(api().get("/api/customers/" + customerId + "/ledger?readToken=" + token).json()).hasSize(2);
		Problems.assertProblem(api().get("/api/customers/" + customerId + "?readToken=nonsense"), 400,
				"not a read token");
	}

	private static List<String> texts(JsonNode entries, String field) {
		List<String> values = new ArrayList<>();
		entries.forEach((entry) -> values.add(entry.path(field).asString("")));
		return values;
	}

	private static List<BigDecimal> decimals(JsonNode entries, String field) {
		List<BigDecimal> values = new ArrayList<>();
		entries.forEach((entry) -> values.add(entry.path(field).decimalValue()));
		return values;
	}

	private static BigDecimal delta(JsonNode before, JsonNode after, String field) {
		return after.path(field).decimalValue().subtract(before.path(field).decimalValue());
	}

}
