package io.sagaref.payment.web;

import java.time.Instant;
import java.util.Map;
import java.util.NoSuchElementException;

import io.sagaref.payment.Account;
import io.sagaref.payment.CustomerId;
import io.sagaref.payment.Money;
import io.sagaref.payment.application.AccountService;
import io.sagaref.payment.application.LedgerQuery;
import io.sagaref.testsupport.Problems;
import io.sagaref.web.ReadToken;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;

/**
 * What the customer API answers before and around the use cases: invalid requests are 400
 * problems naming what is wrong and never reach the service; the service's refusals are
 * mapped to 404 and 422; changes answer a Read-Token, queries take one.
 */
@WebMvcTest({ CustomerController.class, CustomerLedgerController.class, LedgerController.class,
		StateRebuildController.class })
class CustomerControllerTest {

	private static final String ID = "8d4e2f10-1a2b-4c3d-8e9f-0a1b2c3d4e5f";

	@Autowired
	private MockMvcTester mvc;

	@MockitoBean
	private AccountService accounts;

	/**
	 * Mocked here too: every slice test of this service declares the same beans, so they
	 * share one context.
	 */
	@MockitoBean
	private LedgerQuery ledger;

	@Test
	void opensAnAccountWithTheRequestedValuesAndAnswersWithItsLocation() throws Exception {
		Account ada = account("Ada Lovelace", "100.50", 1);
		given(this.accounts.open("Ada Lovelace", Money.of("100.50"))).willReturn(ada);

		MockHttpServletResponse created = post("/api/customers",
				"{\"name\": \"Ada Lovelace\", \"initialBalance\": 100.5}");

		assertThat(created.getStatus()).isEqualTo(201);
		assertThat(created.getHeader("Location")).isEqualTo("/api/customers/" + ID);
		assertThat(ReadToken.parse(created.getHeader("Read-Token"))).isEqualTo(new ReadToken("payment-service", ID, 1));
		assertThat(created.getContentAsString())
			.isEqualTo("{\"customerId\":\"" + ID + "\",\"name\":\"Ada Lovelace\",\"balance\":100.50}");
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			{"name": " ", "initialBalance": 10}                   | name
			{"name": "Ada", "initialBalance": -1}                 | initialBalance
			{"name": "Ada", "initialBalance": -0.01}              | initialBalance
			{"name": "Ada", "initialBalance": 1.001}              | initialBalance
			{"name": "Ada", "initialBalance": 100000000000000000} | initialBalance
			{"name": "Ada"}                                       | initialBalance
			{"initialBalance": 10}                                | name
			""")
	void refusesAnInvalidAccountWithTheFieldNamed(String json, String field) throws Exception {
		assertProblem(post("/api/customers", json), 400, field);
		verifyNoInteractions(this.accounts);
	}

	@Test
	void refusesAnOverlongName() throws Exception {
		assertProblem(post("/api/customers", "{\"name\": \"" + "x".repeat(201) + "\", \"initialBalance\": 10}"), 400,
				"name");
		verifyNoInteractions(this.accounts);
	}

	@Test
	void refusesABodyThatIsNotJson() throws Exception {
		assertProblem(post("/api/customers", "{\"name\": \"Ada\", \"initialBalance\": "), 400, "not valid JSON");
		assertProblem(post("/api/customers", "{\"name\": \"Ada\", \"initialBalance\": \"lots\"}"), 400,
				"not valid JSON");
		assertProblem(post("/api/customers/" + ID + "/deposits", "[1]"), 400, "not valid JSON");
		verifyNoInteractions(this.accounts);
	}

	@Test
	void refusesAMalformedCustomerId() throws Exception {
		assertProblem(get("/api/customers/not-a-uuid"), 400, "'not-a-uuid' is not a valid customerId");
		assertProblem(post("/api/customers/not-a-uuid/deposits", "{\"amount\": 1}"), 400,
				"'not-a-uuid' is not a valid customerId");
		verifyNoInteractions(this.accounts);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			{"amount": 0}                    | amount
			{"amount": 0.00}                 | amount
			{"amount": -5}                   | amount
			{"amount": 0.001}                | amount
			{"amount": 100000000000000000}   | amount
			{}                               | amount
			""")
	void refusesDepositsOfNothingNegativeOrFractionsOfACent(String json, String field) throws Exception {
		assertProblem(post("/api/customers/" + ID + "/deposits", json), 400, field);
		verifyNoInteractions(this.accounts);
	}

	@Test
	void depositsTheRequestedAmountAndAnswersWithTheAccount() throws Exception {
		given(this.accounts.deposit(CustomerId.of(ID), Money.of("2.25"))).willReturn(account("Ada", "12.25", 7));

		MockHttpServletResponse deposited = post("/api/customers/" + ID + "/deposits", "{\"amount\": 2.25}");

		assertThat(deposited.getStatus()).isEqualTo(200);
		assertThat(deposited.getContentAsString())
			.isEqualTo("{\"customerId\":\"" + ID + "\",\"name\":\"Ada\",\"balance\":12.25}");
		assertThat(ReadToken.parse(deposited.getHeader("Read-Token")))
			.isEqualTo(new ReadToken("payment-service", ID, 7));
	}

	@Test
	void answersTheAccountNowOrAsItStoodAtAnInstant() throws Exception {
		Instant then = Instant.parse("2030-01-01T10:15:30.5Z");
		given(this.accounts.account(CustomerId.of(ID))).willReturn(account("Ada", "12.25", 3));
		given(this.accounts.account(CustomerId.of(ID), then)).willReturn(account("Ada", "10.00", 1));

		assertThat(get("/api/customers/" + ID).getContentAsString()).contains("\"balance\":12.25");
		assertThat(get("/api/customers/" + ID + "?asOf=2030-01-01T10:15:30.5Z").getContentAsString())
			.isEqualTo("{\"customerId\":\"" + ID + "\",\"name\":\"Ada\",\"balance\":10.00}");
	}

	@Test
	void refusesAMalformedInstant() throws Exception {
		assertProblem(get("/api/customers/" + ID + "?asOf=yesterday"), 400, "'yesterday' is not a valid asOf");
		verifyNoInteractions(this.accounts);
	}

	@Test
	void answersAtOnceWithAReadTokenAndRefusesAGarbledOne() throws Exception {
		given(this.accounts.account(CustomerId.of(ID))).willReturn(account("Ada", "12.25", 3));
		String token = new ReadToken("payment-service", ID, 3).encode();

		assertThat(get("/api/customers/" + ID + "?readToken=" + token).getStatus()).isEqualTo(200);
		assertProblem(get("/api/customers/" + ID + "?readToken=garbage"), 400, "not a read token");
	}

	@Test
	void answersNotFoundWithTheIdForAnUnknownCustomer() throws Exception {
		given(this.accounts.account(CustomerId.of(ID))).willThrow(new NoSuchElementException("No customer " + ID));
		given(this.accounts.deposit(any(), any())).willThrow(new NoSuchElementException("No customer " + ID));

		assertProblem(get("/api/customers/" + ID), 404, ID);
		assertProblem(post("/api/customers/" + ID + "/deposits", "{\"amount\": 1}"), 404, ID);
	}

	@Test
	void answersUnprocessableWhenTheDomainRefuses() throws Exception {
		given(this.accounts.open(any(), any())).willThrow(new IllegalArgumentException("name must not be blank"));

		assertProblem(post("/api/customers", "{\"name\": \"Ada\", \"initialBalance\": 1}"), 422,
				"name must not be blank");
	}

	private static Account account(String name, String balance, long version) {
		return Account.restore(CustomerId.of(ID), name, Money.of(balance), Money.of(balance), version, Map.of());
	}

	private MockHttpServletResponse get(String path) {
		return this.mvc.get().uri(path).exchange().getResponse();
	}

	private MockHttpServletResponse post(String path, String json) {
		return this.mvc.post().uri(path).contentType(MediaType.APPLICATION_JSON).content(json).exchange().getResponse();
	}

	private static void assertProblem(MockHttpServletResponse response, int status, String detail) throws Exception {
		Problems.assertProblem(response.getStatus(), String.valueOf(response.getContentType()),
				response.getContentAsString(), status, detail);
	}

}
