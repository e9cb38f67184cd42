package io.sagaref.gateway.routing;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.sagaref.gateway.GatewayIntegrationTest;
import io.sagaref.gateway.StubResponse;
import io.sagaref.testsupport.ApiReply;

import static io.sagaref.gateway.StubBackends.INVENTORY_SERVICE;
import static io.sagaref.gateway.StubBackends.ORDER_QUERY_SERVICE;
import static io.sagaref.gateway.StubBackends.ORDER_SERVICE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Only idempotent requests are tried again, and only when the backend failed before doing
 * anything useful: a GET that met a 502 is retried, a POST never is, and a deliberate 503
 * with its Retry-After goes back to the client as it is.
 */
class RetryIT extends GatewayIntegrationTest {

	@Test
	void retriesAGetThatMetABadGateway() {
		AtomicInteger calls = new AtomicInteger();
		INVENTORY_SERVICE.respond((request) -> (calls.incrementAndGet() == 1) ? StubResponse.json(502, "{}")
				: StubResponse.json(200, "{\"sku\":\"BOOK-1\"}"));

		ApiReply reply = this.api.get("/api/products/BOOK-1");

		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.json().path("sku").asString()).isEqualTo("BOOK-1");
		assertThat(INVENTORY_SERVICE.receivedRequests()).hasSize(2);
	}

	@Test
	void givesUpAfterTwoRetriesAndPassesTheLastAnswerOn() {
		INVENTORY_SERVICE.respond((request) -> StubResponse.json(502, "{\"error\":\"still bad\"}"));

		ApiReply reply = this.api.get("/api/products/BOOK-1");

		assertThat(reply.status()).isEqualTo(502);
		assertThat(INVENTORY_SERVICE.receivedRequests()).hasSize(1 + IdempotentRetry.RETRIES);
	}

	@Test
	void neverRetriesAPost() {
		ORDER_SERVICE.respond((request) -> StubResponse.json(502, "{}"));

		ApiReply reply = this.api.post("/api/orders", "{\"customerId\":\"c\",\"lines\":[]}");

		assertThat(reply.status()).isEqualTo(502);
		assertThat(ORDER_SERVICE.receivedRequests()).hasSize(1);
	}

	@Test
	void passesADeliberateServiceUnavailableOnWithoutRetrying() {
		ORDER_QUERY_SERVICE.respond((request) -> StubResponse.problem(503, "The view does not include the write yet")
			.withHeader("Retry-After", "1"));

		ApiReply reply = this.api.get("/api/orders/3f2a1c9e-5b7d-4e21-9a0f-6c1d2e3f4a5b");

		assertThat(reply.status()).isEqualTo(503);
		assertThat(reply.header("Retry-After")).isEqualTo("1");
		assertThat(ORDER_QUERY_SERVICE.receivedRequests()).hasSize(1);
	}

	@Test
	void doesNotRetryAnInternalServerError() {
		INVENTORY_SERVICE.respond((request) -> StubResponse.json(500, "{}"));

		assertThat(this.api.get("/api/products/BOOK-1").status()).isEqualTo(500);
		assertThat(INVENTORY_SERVICE.receivedRequests()).hasSize(1);
	}

}
