package io.sagaref.gateway.edge;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import io.sagaref.gateway.GatewayIntegrationTest;
import io.sagaref.gateway.StubResponse;
import io.sagaref.testsupport.ApiReply;
import io.sagaref.testsupport.Problems;

import static io.sagaref.gateway.StubBackends.PAYMENT_SERVICE;
import static io.sagaref.testsupport.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A body over 1 MiB is refused with 413 problem+json, whether its size is declared or it
 * comes chunked; a body within the limit passes unchanged.
 */
class RequestSizeIT extends GatewayIntegrationTest {

	private static final int LIMIT = 1024 * 1024;

	@Test
	void refusesADeclaredBodyOverTheLimitWithoutReachingTheBackend() {
		PAYMENT_SERVICE.respond((request) -> StubResponse.json(201, "{}"));

		ApiReply reply = this.api.post("/api/customers", json(LIMIT + 1));

		assertProblem(reply, 413,
				"The request body of " + (LIMIT + 1) + " bytes is larger than the limit of " + LIMIT + " bytes");
		assertThat(PAYMENT_SERVICE.receivedRequests()).isEmpty();
	}

	@Test
	void refusesAChunkedBodyOverTheLimit() throws Exception {
		PAYMENT_SERVICE.respond((request) -> StubResponse.json(201, "{}"));
		byte[] body = json(2 * LIMIT).getBytes(StandardCharsets.UTF_8);
		HttpRequest request = HttpRequest.newBuilder(URI.create(this.gateway + "/api/customers"))
			.header("Content-Type", "application/json")
			.POST(BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
			.build();

		HttpResponse<String> response = HttpClient.newHttpClient().send(request, BodyHandlers.ofString());

		Problems.assertProblem(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
				response.body(), 413, "is larger than the limit of " + LIMIT + " bytes");
	}

	@Test
	void passesABodyWithinTheLimitUnchanged() throws InterruptedException {
		PAYMENT_SERVICE.respond((request) -> StubResponse.json(201, "{}"));
		String body = json(LIMIT);

		assertThat(this.api.post("/api/customers", body).status()).isEqualTo(201);
		assertThat(PAYMENT_SERVICE.takeRequest().body()).isEqualTo(body);
	}

	/** A JSON document of exactly {@code bytes} bytes. */
	private static String json(int bytes) {
		String prefix = "{\"name\":\"";
		String suffix = "\"}";
		return prefix + "a".repeat(bytes - prefix.length() - suffix.length()) + suffix;
	}

}
