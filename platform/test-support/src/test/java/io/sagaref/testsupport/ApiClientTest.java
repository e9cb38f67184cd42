package io.sagaref.testsupport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The client against a real HTTP server on this machine (the JDK's): errors and redirects
 * come back as answers, and the problem assertion accepts exactly the house shape.
 */
class ApiClientTest {

	private HttpServer server;

	private ApiClient client;

	@BeforeEach
	void start() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
		this.server.createContext("/problem", (exchange) -> {
			byte[] body = "{\"title\":\"Bad Request\",\"status\":400,\"detail\":\"quantity must be positive\"}"
				.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "application/problem+json");
			exchange.sendResponseHeaders(400, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		this.server.createContext("/moved", (exchange) -> {
			exchange.getResponseHeaders().add("location", "/elsewhere");
			exchange.sendResponseHeaders(303, -1);
			exchange.close();
		});
		this.server.createContext("/echo", (exchange) -> {
			byte[] body = exchange.getRequestBody().readAllBytes();
			exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
			exchange.sendResponseHeaders(201, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		this.server.start();
		this.client = ApiClient.onPort(this.server.getAddress().getPort());
	}

	@AfterEach
	void stop() {
		this.server.stop(0);
	}

	@Test
	void anErrorStatusIsAnAnswerNotAnException() {
		ApiReply reply = this.client.post("/problem", "{}");

		assertThat(reply.isProblem()).isTrue();
		assertThat(reply.detail()).isEqualTo("quantity must be positive");
		Problems.assertProblem(reply, 400, "positive");
	}

	@Test
	void theProblemAssertionFailsOnAnotherStatusOrDetail() {
		ApiReply reply = this.client.get("/problem");

		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> Problems.assertProblem(reply, 409, ""));
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> Problems.assertProblem(reply, 400, "negative"));
	}

	@Test
	void redirectsAreNotFollowedAndHeaderNamesIgnoreCase() {
		ApiReply reply = this.client.get("/moved");

		assertThat(reply.status()).isEqualTo(303);
		assertThat(reply.location()).isEqualTo("/elsewhere");
		assertThat(reply.header("LOCATION")).isEqualTo("/elsewhere");
	}

	@Test
	void jsonKeepsDecimalsExact() {
		ApiReply reply = this.client.post("/echo", "{\"amount\":0.10}");

		assertThat(reply.status()).isEqualTo(201);
		assertThat(reply.contentType()).isEqualTo("application/json");
		assertThat(reply.json().path("amount").decimalValue().toPlainString()).isEqualTo("0.10");
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> Problems.assertProblem(reply, 201, ""));
	}

}
