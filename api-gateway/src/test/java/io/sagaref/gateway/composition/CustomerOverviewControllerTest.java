package io.sagaref.gateway.composition;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.sagaref.gateway.GatewayProperties;
import io.sagaref.gateway.composition.SourceFailure.Reason;
import io.sagaref.gateway.edge.RequestSizeProperties;
import io.sagaref.testsupport.Problems;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

/**
 * What the overview endpoint decides on its own, without a server or backends: a customer
 * id that is not a UUID is a 400 problem and nothing is composed, a valid one is composed
 * for exactly that customer, and a customer the composer does not find is a 404 problem.
 * A readToken is checked the same way (400 for one no service issued) and composed with
 * unchanged. The gateway's own error handler is part of the slice, as in production.
 */
@WebFluxTest(CustomerOverviewController.class)
class CustomerOverviewControllerTest {

	private static final JsonNode ACCOUNT = JsonMapper.builder().build().readTree("{\"name\":\"Ada\"}");

	@Autowired
	private WebTestClient client;

	@MockitoBean
	private CustomerOverviewComposer composer;

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "not-a-uuid", "123", "3f2a1c9e-5b7d-4e21-9a0f", "3f2a1c9e-5b7d-4e21-9a0f-6c1d2e3f4a5bX" })
	void rejectsACustomerIdThatIsNotAUuidWithoutComposing(String customerId) {
		EntityExchangeResult<String> result = get("/api/customers/" + customerId + "/overview");

		assertProblem(result, 400, "'" + customerId + "' is not a valid customer id (expected a UUID)");
		verifyNoInteractions(this.composer);
	}

	@Test
	void composesTheOverviewOfTheCustomerAsked() {
		UUID customer = UUID.randomUUID();
		given(this.composer.compose(any(), any())).willReturn(Mono.just(new CustomerOverview(customer, ACCOUNT, null,
				null, true, List.of("order-query-service"), List.of(new SourceFailure("order-query-service", "orders",
						Reason.TIMEOUT, "order-query-service did not answer within 2000ms")))));

		EntityExchangeResult<String> result = get("/api/customers/" + customer + "/overview");

		assertThat(result.getStatus().value()).isEqualTo(200);
		assertThat(result.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_JSON);
		assertThat(result.getResponseBody()).contains("\"customerId\":\"" + customer + "\"")
			.contains("\"partial\":true")
			.contains("\"unavailable\":[\"order-query-service\"]")
			.contains(
					"\"failures\":[{\"source\":\"order-query-service\",\"section\":\"orders\",\"reason\":\"TIMEOUT\"");
		verify(this.composer).compose(customer, null);
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "garbage!", "bm8tY29sb25z", "b3JkZXItc2VydmljZTo6MQ", "b3JkZXItc2VydmljZTp4Oi0x",
			"b3JkZXItc2VydmljZTp4OnNldmVu" })
	void rejectsAReadTokenThisSystemDidNotIssueWithoutComposing(String token) {
		EntityExchangeResult<String> result = get(
				"/api/customers/" + UUID.randomUUID() + "/overview?readToken=" + token);

		assertProblem(result, 400, "'" + token + "' is not a read token");
		verifyNoInteractions(this.composer);
	}

	@Test
	void composesWithTheReadTokenAsTheClientSentIt() {
		UUID customer = UUID.randomUUID();
		String token = encode("order-service:" + UUID.randomUUID() + ":3");
		given(this.composer.compose(customer, token)).willReturn(
				Mono.just(new CustomerOverview(customer, ACCOUNT, List.of(), List.of(), false, List.of(), List.of())));

		EntityExchangeResult<String> result = get("/api/customers/" + customer + "/overview?readToken=" + token);

		assertThat(result.getStatus().value()).isEqualTo(200);
		verify(this.composer).compose(customer, token);
	}

	@Test
	void answersServiceUnavailableWithRetryAfterWhenTheAccountIsNotCurrentYet() {
		UUID customer = UUID.randomUUID();
		given(this.composer.compose(any(), any()))
			.willReturn(Mono.error(new OverviewUnavailableException(new SourceFailure("payment-service", "account",
					Reason.NOT_CURRENT, "payment-service does not include the write of the readToken yet"))));

		EntityExchangeResult<String> result = get(
				"/api/customers/" + customer + "/overview?readToken=" + encode("payment-service:" + customer + ":2"));

		assertProblem(result, 503, "payment-service does not include the write of the readToken yet");
		assertThat(result.getResponseHeaders().getFirst("Retry-After")).isEqualTo("1");
	}

	@Test
	void answersServiceUnavailableNamingTheRootSourceAndWhyWhenTheAccountFailed() {
		UUID customer = UUID.randomUUID();
		given(this.composer.compose(any(), any()))
			.willReturn(Mono.error(new OverviewUnavailableException(new SourceFailure("payment-service", "account",
					Reason.CIRCUIT_OPEN, "the circuit breaker of payment-service is open"))));

		EntityExchangeResult<String> result = get("/api/customers/" + customer + "/overview");

		assertProblem(result, 503,
				"The overview needs the account, and the circuit breaker of payment-service is open");
		assertThat(result.getResponseBody()).contains("\"source\":\"payment-service\"")
			.contains("\"reason\":\"CIRCUIT_OPEN\"");
	}

	@Test
	void answersNotFoundProblemWhenTheComposerDoesNotKnowTheCustomer() {
		UUID customer = UUID.randomUUID();
		given(this.composer.compose(customer, null)).willReturn(Mono.empty());

		EntityExchangeResult<String> result = get("/api/customers/" + customer + "/overview");

		assertProblem(result, 404, "Unknown customer " + customer);
	}

	/**
	 * What the error handler and the web filters in the slice need; the application scans
	 * for them.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	@EnableConfigurationProperties({ GatewayProperties.class, RequestSizeProperties.class })
	static class Properties {

	}

	private static String encode(String token) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(token.getBytes(StandardCharsets.UTF_8));
	}

	private EntityExchangeResult<String> get(String path) {
		return this.client.get().uri(path).exchange().expectBody(String.class).returnResult();
	}

	private static void assertProblem(EntityExchangeResult<String> result, int status, String detail) {
		MediaType contentType = result.getResponseHeaders().getContentType();
		Problems.assertProblem(result.getStatus().value(), String.valueOf(contentType),
				String.valueOf(result.getResponseBody()), status, detail);
	}

}
