package io.sagaref.payment.web;

import io.sagaref.payment.Money;
import io.sagaref.payment.application.AccountService;
import io.sagaref.payment.application.Ledger;
import io.sagaref.payment.application.LedgerQuery;
import io.sagaref.testsupport.Problems;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;

/**
 * The internal ledger: its shape (amounts as numbers with two decimals) and its answers
 * when it cannot be read or is called the wrong way.
 */
@WebMvcTest({ CustomerController.class, CustomerLedgerController.class, LedgerController.class,
		StateRebuildController.class })
class LedgerControllerTest {

	@Autowired
	private MockMvcTester mvc;

	@MockitoBean
	private LedgerQuery ledger;

	/**
	 * Mocked here too: every slice test of this service declares the same beans, so they
	 * share one context.
	 */
	@MockitoBean
	private AccountService accounts;

	@Test
	void answersTheLedgerWithAmountsInCents() throws Exception {
		given(this.ledger.ledger())
			.willReturn(new Ledger(Money.of("42.5"), Money.of("40"), Money.of("2.50"), Money.ZERO, 3));

		MockHttpServletResponse response = this.mvc.get().uri("/internal/ledger").exchange().getResponse();

		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getContentAsString())
			.isEqualTo("{\"deposits\":42.50,\"balances\":40.00,\"captured\":2.50,\"refunded\":0.00,\"payments\":3}");
	}

	@Test
	void refusesAnythingButGet() throws Exception {
		MockHttpServletResponse response = this.mvc.post().uri("/internal/ledger").exchange().getResponse();

		assertProblem(response, 405, "POST");
		verifyNoInteractions(this.ledger);
	}

	@Test
	void answersServiceUnavailableWhileTheDatabaseIsDown() throws Exception {
		given(this.ledger.ledger()).willThrow(new DataAccessResourceFailureException("connection refused"));

		MockHttpServletResponse response = this.mvc.get().uri("/internal/ledger").exchange().getResponse();

		assertProblem(response, 503, "database");
		assertThat(response.getHeader("Retry-After")).isEqualTo("1");
	}

	private static void assertProblem(MockHttpServletResponse response, int status, String detail) throws Exception {
		Problems.assertProblem(response.getStatus(), String.valueOf(response.getContentType()),
				response.getContentAsString(), status, detail);
	}

}
