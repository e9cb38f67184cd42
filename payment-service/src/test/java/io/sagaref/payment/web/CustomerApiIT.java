package io.sagaref.payment.web;

import java.math.BigDecimal;
import java.util.UUID;

import io.sagaref.payment.PaymentServiceIntegrationTest;
import io.sagaref.testsupport.ApiReply;
import io.sagaref.testsupport.Problems;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The customer API on the real stack: what is stored is what is answered. Validation of
 * requests is {@link CustomerControllerTest}'s.
 */
class CustomerApiIT extends PaymentServiceIntegrationTest {

	@Test
	void opensAnAccountAndAnswersWithItsLocation() {
		ApiReply created = api().post("/api/customers", "{\"name\": \"Ada Lovelace\", \"initialBalance\": 100.5}");

		assertThat(created.status()).isEqualTo(201);
		String customerId = created.json().path("customerId").asString();
		assertThat(created.location()).isEqualTo("/api/customers/" + customerId);
		assertThat(created.json().path("name").asString()).isEqualTo("Ada Lovelace");
		assertThat(created.json().path("balance").decimalValue()).isEqualTo(new BigDecimal("100.50"));

		ApiReply fetched = api().get("/api/customers/" + customerId);
		assertThat(fetched.status()).isEqualTo(200);
		assertThat(fetched.json()).isEqualTo(created.json());
	}

	@Test
	void depositsAddToTheBalance() {
		UUID customerId = openAccount("10.00");

		ApiReply deposited = api().post("/api/customers/" + customerId + "/deposits", "{\"amount\": 2.25}");

		assertThat(deposited.status()).isEqualTo(200);
		assertThat(deposited.json().path("customerId").asString()).isEqualTo(customerId.toString());
		assertThat(deposited.json().path("balance").decimalValue()).isEqualTo(new BigDecimal("12.25"));
		assertThat(balance(customerId)).isEqualTo(new BigDecimal("12.25"));
	}

	@Test
	void ledgerCountsDepositsAndBalances() {
		JsonNode before = api().get("/internal/ledger").json();
		UUID customerId = openAccount("40.00");
		api().post("/api/customers/" + customerId + "/deposits", "{\"amount\": 2.50}");

		ApiReply ledger = api().get("/internal/ledger");

		assertThat(ledger.status()).isEqualTo(200);
		assertThat(ledger.json().propertyNames()).containsExactlyInAnyOrder("deposits", "balances", "captured",
				"refunded", "payments");
		assertThat(delta(before, ledger.json(), "deposits")).isEqualByComparingTo("42.50");
		assertThat(delta(before, ledger.json(), "balances")).isEqualByComparingTo("42.50");
		assertMoneyIsConserved();
	}

	@Test
	void answersNotFoundForAnUnknownCustomer() {
		UUID stranger = UUID.randomUUID();

		Problems.assertProblem(api().get("/api/customers/" + stranger), 404, stranger.toString());
		Problems.assertProblem(api().post("/api/customers/" + stranger + "/deposits", "{\"amount\": 1}"), 404,
				stranger.toString());
	}

	private static BigDecimal delta(JsonNode before, JsonNode after, String field) {
		return after.path(field).decimalValue().subtract(before.path(field).decimalValue());
	}

}
