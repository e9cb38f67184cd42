package io.sagaref.web;

import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.MDC;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The request id is in the MDC while the request is handled and gone after it, so a
 * pooled thread's next request never logs a stale id; a client's well-formed id is kept,
 * anything else replaced.
 */
class RequestIdFilterTest {

	private final RequestIdFilter filter = new RequestIdFilter();

	@Test
	void putsTheRequestIdIntoTheMdcDuringTheRequestAndRemovesItAfter() throws Exception {
		AtomicReference<String> seen = new AtomicReference<>();
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/probe");
		request.addHeader("X-Request-Id", "client-id.42_a-b");
		MockHttpServletResponse response = new MockHttpServletResponse();

		this.filter.doFilter(request, response, new MockFilterChain(new jakarta.servlet.http.HttpServlet() {
		}, (req, res, chain) -> seen.set(MDC.get("requestId"))));

		assertThat(seen.get()).isEqualTo("client-id.42_a-b");
		assertThat(response.getHeader("X-Request-Id")).isEqualTo("client-id.42_a-b");
		assertThat(MDC.get("requestId")).isNull();
	}

	@Test
	void removesTheRequestIdFromTheMdcWhenTheHandlerFails() {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/probe");
		MockFilterChain failing = new MockFilterChain(new jakarta.servlet.http.HttpServlet() {
		}, (req, res, chain) -> {
			throw new IllegalStateException("boom");
		});

		assertThatThrownBy(() -> this.filter.doFilter(request, new MockHttpServletResponse(), failing))
			.hasMessage("boom");

		assertThat(MDC.get("requestId")).isNull();
	}

	@ParameterizedTest(name = "[{0}]")
	@ValueSource(strings = { "", "has space", "new\\nline", "semi;colon", "ä",
			"12345678901234567890123456789012345678901234567890123456789012345" })
	void replacesAnIdThatIsNotWellFormedByAGeneratedOne(String sent) {
		String id = RequestIdFilter.keepOrGenerate(sent.replace("\\n", "\n"));

		assertThat(id).isNotEqualTo(sent).matches("[0-9a-f-]{36}");
	}

	@Test
	void generatesAnIdWhenTheClientSentNone() {
		assertThat(RequestIdFilter.keepOrGenerate(null)).matches("[0-9a-f-]{36}")
			.isNotEqualTo(RequestIdFilter.keepOrGenerate(null));
	}

	@Test
	void keepsAnIdOfSixtyFourCharacters() {
		String id = "a".repeat(64);

		assertThat(RequestIdFilter.keepOrGenerate(id)).isEqualTo(id);
	}

}
