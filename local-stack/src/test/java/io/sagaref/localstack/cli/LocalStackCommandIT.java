package io.sagaref.localstack.cli;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.sagaref.localstack.FakeServiceJars;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code ./run-local} as a developer runs it: the launcher in its own JVM, its banner
 * once the stack is up, and a clean stop with a farewell on SIGTERM (as on Ctrl-C).
 */
class LocalStackCommandIT {

	private static final Pattern GATEWAY = Pattern.compile("api-gateway +(http://localhost:(\\d+))");

	@TempDir
	Path repo;

	private Process launcher;

	@AfterEach
	void killTheLauncher() {
		if (this.launcher != null) {
			this.launcher.destroyForcibly();
		}
	}

	private static boolean listening(int port) {
		try (var socket = new Socket()) {
			socket.connect(new InetSocketAddress("localhost", port), 500);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	@Test
	void startsPrintsTheBannerAndStopsEverythingOnSigterm() throws Exception {
		FakeServiceJars.repository(this.repo, "order-service", "api-gateway");
		Path output = this.repo.resolve("launcher.out");
		Path java = Path.of(System.getProperty("java.home"), "bin", "java");
		this.launcher = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
				LocalStackCommand.class.getName(), "--repo", this.repo.toString(), "--data-dir", "data",
				"--random-ports", "--no-fsync", "--only", "api-gateway,order-service", "--set",
				"order-service:saga.demo=on")
			.directory(this.repo.toFile())
			.redirectErrorStream(true)
			.redirectOutput(output.toFile())
			.start();

		await().atMost(Duration.ofMinutes(3))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> Files.readString(output).contains("Saga reference system is up") || !this.launcher.isAlive());
		String banner = Files.readString(output);
		assertThat(banner).contains("Saga reference system is up", "<- the public entry", "order-service",
				"(data kept in data/postgres; --reset wipes it)", "data/logs/<service>.log",
				"curl -i -X POST http://localhost:");
		Matcher gateway = GATEWAY.matcher(banner);
		assertThat(gateway.find()).isTrue();
		int port = Integer.parseInt(gateway.group(2));
		assertThat(listening(port)).isTrue();
		assertThat(this.repo.resolve("data/logs/order-service.log")).content().contains("--saga.demo=on");

		this.launcher.destroy();
		assertThat(this.launcher.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(this.launcher.exitValue()).isEqualTo(128 + 15);
		assertThat(Files.readString(output)).contains("Local stack stopped",
				"Stopped everything. The Postgres and Kafka data stay in data/postgres and data/kafka");
		assertThat(listening(port)).isFalse();
		assertThat(List.of("postgres/postgresql.conf", "kafka/data/meta.properties"))
			.allSatisfy((kept) -> assertThat(this.repo.resolve("data").resolve(kept)).exists());
	}

}
