package io.sagaref.payment.web;

import io.sagaref.payment.application.AccountService;
import io.sagaref.payment.application.LedgerQuery;
import io.sagaref.payment.application.StateRebuilt;
import io.sagaref.testsupport.Problems;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;

/**
 * The operator's rebuild of the current state: what it answers, and that only a POST
 * starts it.
 */
@WebMvcTest({ CustomerController.class, CustomerLedgerController.class, LedgerController.class,
		StateRebuildController.class })
class StateRebuildControllerTest {

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
	void answersWhatWasRebuilt() throws Exception {
		given(this.accounts.rebuildState()).willReturn(new StateRebuilt(3, 42, 17));

		MockHttpServletResponse response = this.mvc.post()
			.uri("/internal/admin/rebuild-state")
			.exchange()
			.getResponse();

		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getContentAsString()).isEqualTo("{\"streams\":3,\"events\":42,\"tookMillis\":17}");
	}

	@Test
	void isNeverStartedByAGet() throws Exception {
		MockHttpServletResponse response = this.mvc.get().uri("/internal/admin/rebuild-state").exchange().getResponse();

		Problems.assertProblem(response.getStatus(), String.valueOf(response.getContentType()),
				response.getContentAsString(), 405, "GET");
		verifyNoInteractions(this.accounts);
	}

}
