package io.sagaref.payment.web;

import java.math.BigDecimal;
import java.util.UUID;

import io.sagaref.payment.PaymentServiceIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class CustomerApiIT extends PaymentServiceIntegrationTest {

	@Test
	void opensAnAccountAndAnswersWithItsLocation() {
		Response created = post("/api/customers", "{\"name\": \"Ada Lovelace\", \"initialBalance\": 100.5}");

		assertThat(created.status()).isEqualTo(201);
		String customerId = created.body().path("customerId").asString();
		assertThat(created.headers().getLocation()).hasToString("/api/customers/" + customerId);
		assertThat(created.body().path("name").asString()).isEqualTo("Ada Lovelace");
		assertThat(created.body().path("balance").decimalValue()).isEqualTo(new BigDecimal("100.50"));

		Response fetched = get("/api/customers/" + customerId);
		assertThat(fetched.status()).isEqualTo(200);
		assertThat(fetched.body()).isEqualTo(created.body());
	}

	@Test
	void depositsAddToTheBalance() {
		UUID customerId = openAccount("10.00");

		Response deposited = post("/api/customers/" + customerId + "/deposits", "{\"amount\": 2.25}");

		assertThat(deposited.status()).isEqualTo(200);
		assertThat(deposited.body().path("customerId").asString()).isEqualTo(customerId.toString());
		assertThat(deposited.body().path("balance").decimalValue()).isEqualTo(new BigDecimal("12.25"));
		assertThat(balance(customerId)).isEqualTo(new BigDecimal("12.25"));
	}

	@Test
	void ledgerCountsDepositsAndBalances() {
		JsonNode before = get("/internal/ledger").body();
		UUID customerId = openAccount("40.00");
		post("/api/customers/" + customerId + "/deposits", "{\"amount\": 2.50}");

		Response ledger = get("/internal/ledger");

		assertThat(ledger.status()).isEqualTo(200);
		assertThat(ledger.body().propertyNames()).containsExactlyInAnyOrder("deposits", "balances", "captured",
				"refunded", "payments");
		assertThat(delta(before, ledger.body(), "deposits")).isEqualByComparingTo("42.50");
		assertThat(delta(before, ledger.body(), "balances")).isEqualByComparingTo("42.50");
		assertMoneyIsConserved();
	}

	@Test
	void refusesAnInvalidAccountWithTheFieldsNamed() {
		assertBadRequest(post("/api/customers", "{\"name\": \" \", \"initialBalance\": 10}"), "name");
		assertBadRequest(post("/api/customers", "{\"name\": \"" + "x".repeat(201) + "\", \"initialBalance\": 10}"),
				"name");
		assertBadRequest(post("/api/customers", "{\"name\": \"Ada\", \"initialBalance\": -1}"), "initialBalance");
		assertBadRequest(post("/api/customers", "{\"name\": \"Ada\", \"initialBalance\": 1.001}"), "initialBalance");
		assertBadRequest(post("/api/customers", "{\"name\": \"Ada\"}"), "initialBalance");
	}

	@Test
	void refusesABodyThatIsNotJson() {
		assertBadRequest(post("/api/customers", "{\"name\": \"Ada\", \"initialBalance\": "), "not valid JSON");
		assertBadRequest(post("/api/customers", "{\"name\": \"Ada\", \"initialBalance\": \"lots\"}"), "not valid JSON");
	}

	@Test
	void answersNotFoundForAnUnknownCustomer() {
		UUID stranger = UUID.randomUUID();

		Response fetched = get("/api/customers/" + stranger);
		Response deposited = post("/api/customers/" + stranger + "/deposits", "{\"amount\": 1}");

		for (Response response : new Response[] { fetched, deposited }) {
			assertThat(response.status()).isEqualTo(404);
			assertThat(response.isProblem()).isTrue();
			assertThat(response.body().path("detail").asString()).contains(stranger.toString());
		}
	}

	@Test
	void refusesAMalformedCustomerId() {
		assertBadRequest(get("/api/customers/not-a-uuid"), "not-a-uuid");
		assertBadRequest(post("/api/customers/not-a-uuid/deposits", "{\"amount\": 1}"), "not-a-uuid");
	}

	@Test
	void refusesDepositsOfNothingNegativeOrFractionsOfACent() {
		UUID customerId = openAccount("10.00");

		assertBadRequest(post("/api/customers/" + customerId + "/deposits", "{\"amount\": 0}"), "amount");
		assertBadRequest(post("/api/customers/" + customerId + "/deposits", "{\"amount\": -5}"), "amount");
		assertBadRequest(post("/api/customers/" + customerId + "/deposits", "{\"amount\": 0.001}"), "amount");
		assertBadRequest(post("/api/customers/" + customerId + "/deposits", "{}"), "amount");
		assertThat(balance(customerId)).isEqualTo(new BigDecimal("10.00"));
	}

	private static void assertBadRequest(Response response, String detail) {
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.isProblem()).as("problem+json, was %s", response.headers().getContentType()).isTrue();
		assertThat(response.body().path("detail").asString()).contains(detail);
	}

	private static BigDecimal delta(JsonNode before, JsonNode after, String field) {
		return after.path(field).decimalValue().subtract(before.path(field).decimalValue());
	}

}
