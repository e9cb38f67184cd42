package io.sagaref.payment.web;

import java.time.Instant;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.UUID;

import io.sagaref.payment.AccountCharged;
import io.sagaref.payment.AccountHistory;
import io.sagaref.payment.AccountOpened;
import io.sagaref.payment.CustomerId;
import io.sagaref.payment.EntryReversed;
import io.sagaref.payment.LedgerEntry;
import io.sagaref.payment.Money;
import io.sagaref.payment.MoneyDeposited;
import io.sagaref.payment.OrderId;
import io.sagaref.payment.RecordedAccountEvent;
import io.sagaref.payment.application.AccountService;
import io.sagaref.payment.application.LedgerQuery;
import io.sagaref.testsupport.Problems;
import io.sagaref.web.ReadToken;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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
 * The customer's ledger over HTTP: the entries' shape (signed amounts, optional fields
 * left out), one entry, and the reversal: 201 with its Location and Read-Token, the
 * reason validated before the service is asked, and the service's refusals as 404 and
 * 409.
 */
@WebMvcTest({ CustomerController.class, CustomerLedgerController.class, LedgerController.class,
		StateRebuildController.class })
class CustomerLedgerControllerTest {

	private static final String ID = "8d4e2f10-1a2b-4c3d-8e9f-0a1b2c3d4e5f";

	private static final UUID OPENED = UUID.fromString("00000000-0000-4000-8000-000000000001");

	private static final UUID DEPOSITED = UUID.fromString("00000000-0000-4000-8000-000000000002");

	private static final UUID CHARGED = UUID.fromString("00000000-0000-4000-8000-000000000003");

	private static final UUID REVERSED = UUID.fromString("00000000-0000-4000-8000-000000000004");

	private static final OrderId ORDER = OrderId.of("3f2a1c9e-5b7d-4e21-9a0f-6c1d2e3f4a5b");

	private static final Instant AT = Instant.parse("2030-01-01T10:00:00Z");

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
	void answersTheLedgerWithSignedAmountsAndOnlyTheFieldsThatApply() throws Exception {
		given(this.accounts.ledger(CustomerId.of(ID))).willReturn(history());

		MockHttpServletResponse response = get("/api/customers/" + ID + "/ledger");

		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getContentAsString()).isEqualTo("[" + "{\"entryId\":\"" + OPENED
				+ "\",\"sequence\":1,\"type\":\"OPENED\",\"amount\":30.00,"
				+ "\"balanceAfter\":30.00,\"occurredAt\":\"2030-01-01T10:00:00Z\"}," + "{\"entryId\":\"" + DEPOSITED
				+ "\",\"sequence\":2,\"type\":\"DEPOSIT\",\"amount\":5.00,"
				+ "\"balanceAfter\":35.00,\"occurredAt\":\"2030-01-01T10:01:00Z\",\"reversedBy\":\"" + REVERSED + "\"},"
				+ "{\"entryId\":\"" + CHARGED + "\",\"sequence\":3,\"type\":\"CHARGE\",\"amount\":-25.00,"
				+ "\"balanceAfter\":10.00,\"occurredAt\":\"2030-01-01T10:02:00Z\",\"orderId\":\"" + ORDER + "\"},"
				+ "{\"entryId\":\"" + REVERSED + "\",\"sequence\":4,\"type\":\"REVERSAL\",\"amount\":-5.00,"
				+ "\"balanceAfter\":5.00,\"occurredAt\":\"2030-01-01T10:03:00Z\",\"reverses\":\"" + DEPOSITED + "\"}]");
	}

	@Test
	void answersOneEntry() throws Exception {
		LedgerEntry charge = history().entry(CHARGED).orElseThrow();
		given(this.accounts.entry(CustomerId.of(ID), CHARGED)).willReturn(charge);

		MockHttpServletResponse response = get("/api/customers/" + ID + "/ledger/" + CHARGED);

		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getContentAsString()).contains("\"type\":\"CHARGE\"").contains("\"orderId\"");
	}

	@Test
	void reversesAnEntryAndAnswersWhereTheReversalIs() throws Exception {
		LedgerEntry reversal = history().entry(REVERSED).orElseThrow();
		given(this.accounts.reverse(CustomerId.of(ID), DEPOSITED, "bounced")).willReturn(reversal);

		MockHttpServletResponse created = post("/api/customers/" + ID + "/ledger/" + DEPOSITED + "/reversal",
				"{\"reason\": \"bounced\"}");

		assertThat(created.getStatus()).isEqualTo(201);
		assertThat(created.getHeader("Location")).isEqualTo("/api/customers/" + ID + "/ledger/" + REVERSED);
		assertThat(ReadToken.parse(created.getHeader("Read-Token"))).isEqualTo(new ReadToken("payment-service", ID, 4));
		assertThat(created.getContentAsString()).contains("\"type\":\"REVERSAL\"")
			.contains("\"reverses\":\"" + DEPOSITED + "\"")
			.contains("\"amount\":-5.00");
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "{}", "{\"reason\": \"\"}", "{\"reason\": \"  \"}", "{\"reason\": null}" })
	void refusesAReversalWithoutAReason(String json) throws Exception {
		assertProblem(post("/api/customers/" + ID + "/ledger/" + DEPOSITED + "/reversal", json), 400, "reason");
		verifyNoInteractions(this.accounts);
	}

	@Test
	void refusesAnOverlongReasonOrMalformedIds() throws Exception {
		assertProblem(post("/api/customers/" + ID + "/ledger/" + DEPOSITED + "/reversal",
				"{\"reason\": \"" + "x".repeat(501) + "\"}"), 400, "reason");
		assertProblem(post("/api/customers/" + ID + "/ledger/42/reversal", "{\"reason\": \"why\"}"), 400,
				"'42' is not a valid entryId");
		assertProblem(get("/api/customers/nope/ledger"), 400, "'nope' is not a valid customerId");
		verifyNoInteractions(this.accounts);
	}

	@Test
	void answersConflictWhenTheEntryCannotBeReversed() throws Exception {
		given(this.accounts.reverse(any(), any(), any()))
			.willThrow(new IllegalStateException("Entry " + CHARGED + " is a CHARGE of order " + ORDER));

		assertProblem(post("/api/customers/" + ID + "/ledger/" + CHARGED + "/reversal", "{\"reason\": \"why\"}"), 409,
				"is a CHARGE");
	}

	@Test
	void answersNotFoundForAnUnknownCustomerOrEntry() throws Exception {
		given(this.accounts.ledger(any())).willThrow(new NoSuchElementException("No customer " + ID));
		given(this.accounts.entry(any(), any())).willThrow(new NoSuchElementException("no ledger entry " + CHARGED));
		given(this.accounts.reverse(any(), any(), any())).willThrow(new NoSuchElementException("No customer " + ID));

		assertProblem(get("/api/customers/" + ID + "/ledger"), 404, ID);
		assertProblem(get("/api/customers/" + ID + "/ledger/" + CHARGED), 404, CHARGED.toString());
		assertProblem(post("/api/customers/" + ID + "/ledger/" + CHARGED + "/reversal", "{\"reason\": \"why\"}"), 404,
				ID);
	}

	@Test
	void takesAReadTokenAndRefusesAGarbledOne() throws Exception {
		given(this.accounts.ledger(CustomerId.of(ID))).willReturn(history());
		String token = new ReadToken("payment-service", ID, 4).encode();

		assertThat(get("/api/customers/" + ID + "/ledger?readToken=" + token).getStatus()).isEqualTo(200);
		assertProblem(get("/api/customers/" + ID + "/ledger?readToken=%25%25"), 400, "not a read token");
	}

	private static AccountHistory history() {
		return AccountHistory.of(CustomerId.of(ID),
				List.of(recorded(OPENED, 1, new AccountOpened("Ada", Money.of("30.00"))),
						recorded(DEPOSITED, 2, new MoneyDeposited(Money.of("5.00"))),
						recorded(CHARGED, 3, new AccountCharged(ORDER, Money.of("25.00"))),
						recorded(REVERSED, 4, new EntryReversed(DEPOSITED, Money.of("5.00"), "bounced"))));
	}

	private static RecordedAccountEvent recorded(UUID id, long sequence, io.sagaref.payment.AccountEvent event) {
		return new RecordedAccountEvent(id, sequence, AT.plusSeconds(60 * (sequence - 1)), event);
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
