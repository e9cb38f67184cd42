package io.sagaref.localstack;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Stands in for a Spring Boot service in the launcher's tests: listens on
 * {@code --server.port}, answers {@code /actuator/health} with UP and {@code /args} with
 * the arguments it got. {@code --fake.exit-code=N} makes it fail at start instead;
 * {@code --fake.health-status=DOWN} makes it never healthy; {@code --fake.halt-code=N}
 * adds {@code /halt}, which ends the process at once with that code, as a failpoint
 * would. Only JDK classes, so {@link FakeServiceJars} can package it alone.
 */
public final class FakeService {

	private FakeService() {
	}

	public static void main(String[] args) throws IOException {
		Map<String, String> properties = new HashMap<>();
		for (String arg : args) {
			int equals = arg.indexOf('=');
			properties.put(arg.substring(2, equals), arg.substring(equals + 1));
		}
		String exitCode = properties.get("fake.exit-code");
		if (exitCode != null) {
			System.out.println("fake service failing on purpose");
			System.exit(Integer.parseInt(exitCode));
		}
		int port = Integer.parseInt(properties.get("server.port"));
		HttpServer server = HttpServer.create(new InetSocketAddress(port), 0);
		String health = properties.getOrDefault("fake.health-status", "UP");
		server.createContext("/actuator/health", (exchange) -> respond(exchange, "{\"status\":\"" + health + "\"}"));
		server.createContext("/args", (exchange) -> respond(exchange, String.join("\n", args)));
		String haltCode = properties.get("fake.halt-code");
		if (haltCode != null) {
			server.createContext("/halt", (exchange) -> {
				respond(exchange, "halting");
				Runtime.getRuntime().halt(Integer.parseInt(haltCode));
			});
		}
		server.start();
		Runtime.getRuntime().addShutdownHook(new Thread(() -> System.out.println("fake service stopping")));
		System.out.println("fake service listening on " + port);
	}

	private static void respond(HttpExchange exchange, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.sendResponseHeaders(200, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

}
