package io.sagaref.gateway.composition;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import io.sagaref.gateway.GatewayIntegrationTest;
import io.sagaref.gateway.StubResponse;
import io.sagaref.testsupport.ApiReply;

import static io.sagaref.gateway.StubBackends.ORDER_QUERY_SERVICE;
import static io.sagaref.gateway.StubBackends.PAYMENT_SERVICE;
import static io.sagaref.testsupport.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Each composition source has its own circuit breaker: after repeated failures the
 * gateway stops calling that source and says so at once ({@code CIRCUIT_OPEN}), and once
 * the breaker lets a trial call through (half-open) and it succeeds, the source is back.
 * The tests' breaker opens after {@link #BREAKER_CALLS} failed calls and stays open
 * {@link #BREAKER_OPEN}.
 */
class CompositionCircuitBreakerIT extends GatewayIntegrationTest {

	private final UUID customerId = UUID.randomUUID();

	@Test
	void stopsCallingAFailingSourceWhileItsCircuitIsOpenAndRecoversAfterHalfOpen() {
		answerAccount();
		ORDER_QUERY_SERVICE.respond((request) -> StubResponse.json(500, "{\"error\":\"boom\"}"));
		for (int call = 0; call < BREAKER_CALLS; call++) {
			assertThat(failure(overview()).path("reason").asString()).isEqualTo("ERROR_5XX");
		}
		assertThat(ORDER_QUERY_SERVICE.receivedRequests()).hasSize(BREAKER_CALLS);

		JsonNode open = failure(overview());

		assertThat(open.path("source").asString()).isEqualTo("order-query-service");
		assertThat(open.path("section").asString()).isEqualTo("orders");
		assertThat(open.path("reason").asString()).isEqualTo("CIRCUIT_OPEN");
		assertThat(ORDER_QUERY_SERVICE.receivedRequests()).as("no call while the circuit is open")
			.hasSize(BREAKER_CALLS);

		ORDER_QUERY_SERVICE.respond((request) -> StubResponse.json(200, "[]"));
		await().atMost(BREAKER_OPEN.plus(Duration.ofSeconds(10))).untilAsserted(() -> {
			ApiReply reply = overview();
			assertThat(reply.status()).isEqualTo(200);
			assertThat(reply.json().path("partial").asBoolean(true)).isFalse();
		});
		assertThat(ORDER_QUERY_SERVICE.receivedRequests()).as("the failures, then one trial call half-open")
			.hasSize(BREAKER_CALLS + 1);
		assertThat(overview().json().path("failures")).isEmpty();
	}

	@Test
	void answersServiceUnavailableAtOnceWhileTheAccountsCircuitIsOpen() {
		PAYMENT_SERVICE.respond((request) -> StubResponse.json(502, "{\"error\":\"bad gateway\"}"));
		ORDER_QUERY_SERVICE.respond((request) -> StubResponse.json(200, "[]"));
		for (int call = 0; call < BREAKER_CALLS; call++) {
			assertProblem(overview(), 503, "payment-service answered 502 (ERROR_5XX)");
		}

		ApiReply reply = overview();

		assertProblem(reply, 503, "The overview needs the account, and the circuit breaker of payment-service is open");
		assertThat(reply.json().path("source").asString()).isEqualTo("payment-service");
		assertThat(reply.json().path("reason").asString()).isEqualTo("CIRCUIT_OPEN");
		assertThat(PAYMENT_SERVICE.receivedRequests()).hasSize(BREAKER_CALLS);
	}

	@Test
	void keepsTheOtherSourcesBreakersClosedWhenOneOpens() {
		answerAccount();
		ORDER_QUERY_SERVICE.stop();
		try {
			for (int call = 0; call <= BREAKER_CALLS; call++) {
				assertThat(overview().status()).isEqualTo(200);
			}
			assertThat(failure(overview()).path("reason").asString()).isEqualTo("CIRCUIT_OPEN");
			assertThat(PAYMENT_SERVICE.receivedRequests()).as("payment-service is still asked every time")
				.hasSize(BREAKER_CALLS + 2);
		}
		finally {
			ORDER_QUERY_SERVICE.start();
		}
	}

	private JsonNode failure(ApiReply reply) {
		assertThat(reply.status()).isEqualTo(200);
		JsonNode overview = reply.json();
		assertThat(overview.path("partial").asBoolean(false)).isTrue();
		assertThat(overview.path("failures")).hasSize(1);
		return overview.at("/failures/0");
	}

	private ApiReply overview() {
		return this.api.get("/api/customers/" + this.customerId + "/overview");
	}

	private void answerAccount() {
		PAYMENT_SERVICE.respond((request) -> StubResponse.json(200,
				"{\"customerId\":\"" + this.customerId + "\",\"name\":\"Ada\",\"balance\":1.00}"));
	}

}
