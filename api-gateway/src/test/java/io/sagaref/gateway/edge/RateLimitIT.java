package io.sagaref.gateway.edge;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.sagaref.gateway.GatewayIntegrationTest;
import io.sagaref.gateway.StubResponse;
import io.sagaref.testsupport.ApiReply;

import org.springframework.test.context.TestPropertySource;

import static io.sagaref.gateway.StubBackends.INVENTORY_SERVICE;
import static io.sagaref.testsupport.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Each client has its own budget: a burst over it is refused with 429 problem+json,
 * {@code Retry-After} and the IETF rate limit headers, without reaching a backend;
 * another client is not affected; and the tokens come back with time. Limits of 3
 * requests, 3 more every 2 s, in this test's own gateway.
 */
@TestPropertySource(properties = { "saga.gateway.rate-limit.capacity=3", "saga.gateway.rate-limit.refill-tokens=3",
		"saga.gateway.rate-limit.refill-period=6s" })
class RateLimitIT extends GatewayIntegrationTest {

	private static final String POLICY = "\"default\";q=3;w=6";

	private final String client = "client-" + UUID.randomUUID();

	@Test
	void refusesABurstOverTheLimitWithRetryAfterAndTheRateLimitHeaders() {
		answerProducts();

		for (int remaining = 2; remaining >= 0; remaining--) {
			ApiReply reply = get(this.client);
			assertThat(reply.status()).isEqualTo(200);
			assertThat(reply.header("RateLimit-Policy")).isEqualTo(POLICY);
			assertThat(reply.header("RateLimit")).startsWith("\"default\";r=" + remaining + ";t=");
		}
		ApiReply refused = get(this.client);

		assertProblem(refused, 429, "This client is over its limit of 3 requests (3 more every 6s)");
		assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 2L);
		assertThat(refused.header("RateLimit-Policy")).isEqualTo(POLICY);
		assertThat(refused.header("RateLimit")).matches("\"default\";r=0;t=[1-6]");
		assertThat(refused.header("X-Request-Id")).isNotBlank();
		assertThat(INVENTORY_SERVICE.receivedRequests()).as("the refused request reached no backend").hasSize(3);
	}

	@Test
	void leavesAnotherClientUnaffected() {
		answerProducts();
		exhaust(this.client);

		ApiReply other = get("other-" + UUID.randomUUID());

		assertThat(other.status()).isEqualTo(200);
		assertThat(other.header("RateLimit")).startsWith("\"default\";r=2;");
	}

	@Test
	void givesTheTokensBackAfterThePeriod() {
		answerProducts();
		exhaust(this.client);

		await().atMost(Duration.ofSeconds(10))
			.pollInterval(Duration.ofMillis(200))
			.untilAsserted(() -> assertThat(get(this.client).status()).isEqualTo(200));
	}

	@Test
	void limitsTheComposedOverviewToo() {
		exhaust(this.client);

		ApiReply reply = this.api.get("/api/customers/" + UUID.randomUUID() + "/overview",
				Map.of(ClientKeyResolver.HEADER, this.client));

		assertThat(reply.status()).isEqualTo(429);
		assertThat(reply.header("Retry-After")).isNotBlank();
	}

	@Test
	void keysAClientWithoutAnIdOnItsAddress() {
		answerProducts();
		int answered = 0;
		ApiReply reply;
		do {
			reply = this.api.get("/api/products/BOOK-1");
			answered++;
		}
		while (reply.status() == 200 && answered < 10);

		assertThat(reply.status()).isEqualTo(429);
		assertThat(answered).as("at most the capacity answered, then refused").isLessThanOrEqualTo(4);
		assertThat(get(this.client).status()).as("a named client has its own bucket").isEqualTo(200);
	}

	@Test
	void doesNotLimitTheHealthEndpoint() {
		for (int call = 0; call < 6; call++) {
			ApiReply reply = this.api.get("/actuator/health", Map.of(ClientKeyResolver.HEADER, this.client));
			assertThat(reply.status()).isEqualTo(200);
			assertThat(reply.header("RateLimit")).isNull();
		}
	}

	private void exhaust(String client) {
		answerProducts();
		await().atMost(Duration.ofSeconds(10)).until(() -> get(client).status() == 429);
	}

	private ApiReply get(String client) {
		return this.api.get("/api/products/BOOK-1", Map.of(ClientKeyResolver.HEADER, client));
	}

	private static void answerProducts() {
		INVENTORY_SERVICE.respond((request) -> StubResponse.json(200, "{\"sku\":\"BOOK-1\"}"));
	}

}
