package io.sagaref.gateway.edge;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.sagaref.gateway.GatewayIntegrationTest;
import io.sagaref.gateway.StubResponse;
import io.sagaref.testsupport.ApiReply;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static io.sagaref.gateway.StubBackends.INVENTORY_SERVICE;
import static io.sagaref.gateway.StubBackends.ORDER_QUERY_SERVICE;
import static io.sagaref.gateway.StubBackends.PAYMENT_SERVICE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every request through the gateway has an {@code X-Request-Id}: the client's when it is
 * well formed, a generated one otherwise; the backend gets the same one, the answer
 * carries it (error answers too), and the gateway's own log lines for the request print
 * it.
 */
@ExtendWith(OutputCaptureExtension.class)
class RequestIdIT extends GatewayIntegrationTest {

	private static final String UUID_SHAPE = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

	@Test
	void generatesARequestIdAndForwardsItToTheBackend() throws InterruptedException {
		INVENTORY_SERVICE.respond((request) -> StubResponse.json(200, "{\"sku\":\"BOOK-1\"}"));

		ApiReply reply = this.api.get("/api/products/BOOK-1");

		assertThat(reply.status()).isEqualTo(200);
		String id = reply.header("X-Request-Id");
		assertThat(id).matches(UUID_SHAPE);
		assertThat(INVENTORY_SERVICE.takeRequest().header("X-Request-Id")).isEqualTo(id);
	}

	@Test
	void keepsTheWellFormedIdOfTheClient() throws InterruptedException {
		PAYMENT_SERVICE.respond((request) -> StubResponse.json(201, "{}"));
		String id = "Client_1.trace-" + "x".repeat(49);

		ApiReply reply = this.api.post("/api/customers", "{}", Map.of("X-Request-Id", id));

		assertThat(reply.header("X-Request-Id")).isEqualTo(id);
		assertThat(PAYMENT_SERVICE.takeRequest().header("X-Request-Id")).isEqualTo(id);
	}

	@ParameterizedTest(name = "[{0}]")
	@ValueSource(strings = { "has space", "<script>", "semi;colon", "quote\"d",
			"12345678901234567890123456789012345678901234567890123456789012345" })
	void replacesAnIdThatIsNotWellFormed(String sent) throws InterruptedException {
		INVENTORY_SERVICE.respond((request) -> StubResponse.json(200, "{}"));

		ApiReply reply = this.api.get("/api/products/BOOK-1", Map.of("X-Request-Id", sent));

		String id = reply.header("X-Request-Id");
		assertThat(id).matches(UUID_SHAPE);
		assertThat(INVENTORY_SERVICE.takeRequest().header("X-Request-Id")).isEqualTo(id);
	}

	@Test
	void answersTheBackendsOwnAnswerWithTheRequestIdEvenIfTheBackendEchoesAnother() {
		INVENTORY_SERVICE.respond((request) -> StubResponse.json(200, "{}").withHeader("X-Request-Id", "other"));

		ApiReply reply = this.api.get("/api/products/BOOK-1", Map.of("X-Request-Id", "mine-1"));

		assertThat(reply.header("X-Request-Id")).isEqualTo("mine-1");
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "/nothing-here", "/api/products/../../internal/stock-ledger",
			"/api/customers/not-a-uuid/overview" })
	void putsTheRequestIdOnErrorAnswers(String path) {
		ApiReply reply = this.api.get(path, Map.of("X-Request-Id", "error-7"));

		assertThat(reply.status()).isBetween(400, 499);
		assertThat(reply.contentType()).startsWith("application/problem+json");
		assertThat(reply.header("X-Request-Id")).isEqualTo("error-7");
	}

	@Test
	void printsTheRequestIdInTheGatewaysLogLineAndAnswerWhenABackendIsDown(CapturedOutput output) {
		INVENTORY_SERVICE.stop();
		try {
			ApiReply reply = this.api.get("/api/products/BOOK-1", Map.of("X-Request-Id", "down-9"));

			assertThat(reply.status()).isEqualTo(503);
			assertThat(reply.header("X-Request-Id")).isEqualTo("down-9");
			assertThat(output.getOut()).containsPattern("\\[down-9\\] .*inventory-service could not be reached");
		}
		finally {
			INVENTORY_SERVICE.start();
		}
	}

	@Test
	void printsTheRequestIdInTheLogLineOfAFailedCompositionCall(CapturedOutput output) {
		PAYMENT_SERVICE.respond((request) -> StubResponse.json(200, "{\"name\":\"Ada\"}"));
		INVENTORY_SERVICE.respond((request) -> StubResponse.json(500, "{}"));
		ORDER_QUERY_SERVICE.respond((request) -> StubResponse.json(500, "{}"));

		ApiReply reply = this.api.get("/api/customers/" + UUID.randomUUID() + "/overview",
				Map.of("X-Request-Id", "compose-3"));

		assertThat(reply.status()).isEqualTo(200);
		assertThat(output.getOut())
			.containsPattern("\\[compose-3\\] .*order-query-service is unavailable for the customer overview");
	}

}
