package io.sagaref.localstack;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Waiting for real HTTP servers: "ready" means the actuator says UP; a process that dies
 * or never gets there fails the start with its own last log lines.
 */
class HealthCheckIT {

	private final HealthCheck check = new HealthCheck(Duration.ofMillis(10));

	private final AtomicInteger requests = new AtomicInteger();

	private HttpServer server;

	private volatile int upAfterRequests;

	@BeforeEach
	void startServer() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
		this.server.createContext("/up", (exchange) -> answer(exchange, 200, "{\"status\":\"UP\",\"groups\":[]}"));
		this.server.createContext("/down", (exchange) -> answer(exchange, 503, "{\"status\":\"DOWN\"}"));
		this.server.createContext("/boot4-up",
				(exchange) -> answer(exchange, 200, "{\"groups\":[\"liveness\",\"readiness\"],\"status\":\"UP\"}"));
		this.server.createContext("/component-up", (exchange) -> answer(exchange, 200,
				"{\"status\":\"OUT_OF_SERVICE\",\"components\":{\"ping\":{\"status\":\"UP\"}}}"));
		this.server.createContext("/later", (exchange) -> {
			boolean up = this.requests.incrementAndGet() > this.upAfterRequests;
			answer(exchange, up ? 200 : 503, up ? "{\"status\":\"UP\"}" : "{\"status\":\"DOWN\"}");
		});
		this.server.start();
	}

	@AfterEach
	void stopServer() {
		this.server.stop(0);
	}

	private static void answer(com.sun.net.httpserver.HttpExchange exchange, int status, String body)
			throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.sendResponseHeaders(status, bytes.length);
		try (var out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	private URI url(String path) {
		return URI.create("http://localhost:" + this.server.getAddress().getPort() + path);
	}

	@Test
	void onlyAnOverallUpCounts() {
		assertThat(this.check.isUp(url("/up"))).isTrue();
		assertThat(this.check.isUp(url("/boot4-up"))).as("Spring Boot 4 lists groups before the status").isTrue();
		assertThat(this.check.isUp(url("/down"))).isFalse();
		assertThat(this.check.isUp(url("/component-up"))).isFalse();
		assertThat(this.check.isUp(URI.create("http://localhost:" + Ports.free(1).get(0) + "/actuator/health")))
			.isFalse();
	}

	@Test
	void waitsUntilEveryTargetIsUpAndTellsEachOnce() {
		this.upAfterRequests = 3;
		var healthy = new ArrayList<String>();
		this.check.awaitUp(List.of(new Target("order-service", url("/later"), true),
				new Target("payment-service", url("/up"), true)), Duration.ofSeconds(30), healthy::add);
		assertThat(healthy).containsExactly("payment-service", "order-service");
		assertThat(this.requests).hasValue(4);
	}

	@Test
	void failsAtOnceWithTheLogTailWhenAProcessExits() {
		var dead = new Target("order-service", url("/down"), false);
		assertThatThrownBy(() -> this.check.awaitUp(List.of(dead), Duration.ofMinutes(5), (name) -> {
		})).isInstanceOf(LocalStackException.class)
			.hasMessageStartingWith("order-service exited before it was healthy")
			.hasMessageEndingWith("Caused by: FATAL: password authentication failed");
	}

	@Test
	void failsWithTheLogTailWhenTheTimeIsUp() {
		var slow = new Target("order-service", url("/down"), true);
		var slower = new Target("api-gateway", url("/down"), true);
		assertThatThrownBy(() -> this.check.awaitUp(List.of(slow, slower), Duration.ofMillis(200), (name) -> {
		})).isInstanceOf(LocalStackException.class)
			.hasMessageStartingWith(
					"order-service was not healthy at " + url("/down") + " within 200 ms (nor were api-gateway)")
			.hasMessageContaining("password authentication failed");
	}

	private record Target(String name, URI healthUrl, boolean isRunning) implements HealthCheck.Target {

		@Override
		public String logTail() {
			return "Starting OrderApplication\nCaused by: FATAL: password authentication failed";
		}

	}

}
