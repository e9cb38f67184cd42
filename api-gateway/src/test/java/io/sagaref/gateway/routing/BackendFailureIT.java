package io.sagaref.gateway.routing;

import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;

import io.sagaref.gateway.GatewayIntegrationTest;
import io.sagaref.gateway.StubResponse;
import io.sagaref.testsupport.ApiReply;

import static io.sagaref.gateway.StubBackends.INVENTORY_SERVICE;
import static io.sagaref.gateway.StubBackends.ORDER_SERVICE;
import static io.sagaref.testsupport.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A backend that is down or too slow is answered by the gateway itself as a problem that
 * names the service, never as a stack trace.
 */
class BackendFailureIT extends GatewayIntegrationTest {

	@Test
	void answersServiceUnavailableProblemNamingABackendThatIsDown() {
		INVENTORY_SERVICE.stop();
		try {
			ApiReply reply = this.api.get("/api/products/BOOK-1");

			assertProblem(reply, 503, "inventory-service is not reachable; try again later");
			assertThat(reply.detail()).isEqualTo("inventory-service is not reachable; try again later");
			assertThat(reply.json().has("trace")).isFalse();
		}
		finally {
			INVENTORY_SERVICE.start();
		}
	}

	@Test
	void answersGatewayTimeoutProblemWhenABackendIsSlowerThanTheResponseTimeout() {
		CountDownLatch release = new CountDownLatch(1);
		ORDER_SERVICE.respond((request) -> {
			block(release);
			return StubResponse.json(200, "{\"status\":\"PENDING\"}");
		});
		try {
			ApiReply reply = this.api.get("/api/orders/3f2a1c9e-5b7d-4e21-9a0f-6c1d2e3f4a5b/status?waitSeconds=30");

			String detail = "order-service did not answer within " + RESPONSE_TIMEOUT.toSeconds() + "s";
			assertProblem(reply, 504, detail);
			assertThat(reply.detail()).isEqualTo(detail);
		}
		finally {
			release.countDown();
		}
	}

	@Test
	void reachesABackendAgainOnceItIsBack() {
		INVENTORY_SERVICE.stop();
		try {
			assertThat(this.api.get("/api/products/BOOK-1").status()).isEqualTo(503);
		}
		finally {
			INVENTORY_SERVICE.start();
		}
		INVENTORY_SERVICE.respond((request) -> StubResponse.json(200, "{\"sku\":\"BOOK-1\"}"));

		ApiReply reply = this.api.get("/api/products/BOOK-1");

		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.json().path("sku").asString()).isEqualTo("BOOK-1");
		assertThat(INVENTORY_SERVICE.receivedRequests()).hasSize(1);
	}

}
