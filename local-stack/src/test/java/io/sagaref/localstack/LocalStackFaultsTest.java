package io.sagaref.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.sagaref.embedded.ServiceDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Breaking the infrastructure for real: Postgres and Kafka stopped, killed and started
 * again on the same ports with the same data, the services' links to them frozen or
 * slowed, more than one instance of a service, and a service that ends itself.
 */
class LocalStackFaultsTest {

	private static final HttpClient http = HttpClient.newHttpClient();

	private static final ServiceDatabase PAYMENTS = ServiceDatabase.PAYMENTS;

	@TempDir
	static Path repo;

	private static LocalStack stack;

	@BeforeAll
	static void start() throws IOException {
		FakeServiceJars.repository(repo, "payment-service", "inventory-service");
		stack = LocalStack.start(StackOptions.forTests(repo)
			.withServices(List.of("payment-service", "inventory-service"))
			.withProxies(true));
	}

	@AfterAll
	static void stop() {
		stack.close();
	}

	private static Connection connect(String jdbcUrl) throws SQLException {
		return DriverManager.getConnection(jdbcUrl, PAYMENTS.role(), PAYMENTS.password());
	}

	private static int selectOne(Connection connection) throws SQLException {
		try (var result = connection.createStatement().executeQuery("select 1")) {
			result.next();
			return result.getInt(1);
		}
	}

	private static HttpResponse<String> get(String url) throws IOException, InterruptedException {
		return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
	}

	@Test
	void theServicesReachPostgresAndKafkaOnlyThroughTheProxies() throws Exception {
		assertThat(stack.servicesJdbcUrl()).isNotEqualTo(stack.jdbcUrl());
		assertThat(stack.servicesBootstrapServers()).isNotEqualTo(stack.bootstrapServers());
		assertThat(get(stack.serviceUrl("payment-service") + "/args").body().lines()).contains(
				"--spring.datasource.url=" + stack.servicesJdbcUrl(),
				"--spring.kafka.bootstrap-servers=" + stack.servicesBootstrapServers());
		try (var connection = connect(stack.servicesJdbcUrl())) {
			assertThat(selectOne(connection)).isEqualTo(1);
		}
	}

	@Test
	void aFrozenDatabaseLinkHoldsAQueryUntilItIsUnfrozen() throws Exception {
		try (var proxied = connect(stack.servicesJdbcUrl()); var direct = connect(stack.jdbcUrl())) {
			stack.freezeDatabaseLink();
			try {
				CompletableFuture<Integer> query = CompletableFuture.supplyAsync(() -> {
					try {
						return selectOne(proxied);
					}
					catch (SQLException ex) {
						throw new IllegalStateException(ex);
					}
				});
				await().during(Duration.ofMillis(800)).atMost(Duration.ofSeconds(3)).until(() -> !query.isDone());
				assertThat(selectOne(direct)).as("the test's own connection bypasses the proxy").isEqualTo(1);
				stack.unfreezeDatabaseLink();
				assertThat(query.get(10, TimeUnit.SECONDS)).isEqualTo(1);
			}
			finally {
				stack.restoreDatabaseLink();
			}
		}
	}

	@Test
	void aSlowDatabaseLinkDelaysEveryAnswerUntilRestored() throws Exception {
		try (var proxied = connect(stack.servicesJdbcUrl())) {
			stack.slowDatabaseLink(Duration.ofMillis(300));
			try {
				long startedAt = System.nanoTime();
				assertThat(selectOne(proxied)).isEqualTo(1);
				assertThat(Duration.ofNanos(System.nanoTime() - startedAt))
					.isGreaterThanOrEqualTo(Duration.ofMillis(600));
			}
			finally {
				stack.restoreDatabaseLink();
			}
			long startedAt = System.nanoTime();
			assertThat(selectOne(proxied)).isEqualTo(1);
			assertThat(Duration.ofNanos(System.nanoTime() - startedAt)).isLessThan(Duration.ofMillis(300));
		}
	}

	@Test
	void aFrozenKafkaLinkHoldsTheServicesRecordsButNotTheTestsOwnClients() throws Exception {
		String topic = "frozen-" + UUID.randomUUID();
		try (var producer = KafkaClients.producer(stack.servicesBootstrapServers())) {
			producer.partitionsFor(topic);
			stack.freezeKafkaLink();
			try {
				var sent = KafkaClients.send(producer, topic, "held");
				await().during(Duration.ofMillis(800)).atMost(Duration.ofSeconds(3)).until(() -> !sent.isDone());
				KafkaClients.sendAndAwaitAck(stack.bootstrapServers(), topic, "direct");
				stack.unfreezeKafkaLink();
				sent.get(30, TimeUnit.SECONDS);
			}
			finally {
				stack.restoreKafkaLink();
			}
		}
		assertThat(KafkaClients.readAll(stack.bootstrapServers(), topic)).containsExactlyInAnyOrder("held", "direct");
	}

	@Test
	void postgresComesBackOnTheSamePortWithItsData() throws Exception {
		String table = "kept_" + UUID.randomUUID().toString().replace("-", "");
		try (var connection = connect(stack.jdbcUrl())) {
			connection.createStatement().execute("create table " + table + " (id int)");
			connection.createStatement().execute("insert into " + table + " values (7)");
		}
		String url = stack.jdbcUrl();
		stack.stopPostgres();
		assertThatThrownBy(() -> connect(url)).isInstanceOf(SQLException.class);
		stack.startPostgres();
		assertThat(stack.jdbcUrl()).isEqualTo(url);
		try (var connection = connect(stack.servicesJdbcUrl());
				var result = connection.createStatement().executeQuery("select id from " + table)) {
			assertThat(result.next()).isTrue();
			assertThat(result.getInt(1)).isEqualTo(7);
		}
	}

	@Test
	void aKilledBrokerComesBackBehindTheSameProxyWithWhatItAcknowledged() throws Exception {
		String topic = "crash-" + UUID.randomUUID();
		KafkaClients.sendAndAwaitAck(stack.servicesBootstrapServers(), topic, "before");
		stack.killKafka();
		stack.startKafka();
		KafkaClients.sendAndAwaitAck(stack.servicesBootstrapServers(), topic, "after");
		assertThat(KafkaClients.readAll(stack.bootstrapServers(), topic)).containsExactlyInAnyOrder("before", "after");
		assertThat(Files.readString(stack.kafkaLogFile())).contains("Recovering");
	}

	@Test
	void anExtraInstanceRunsBesideTheFirstWithTheSameSettingsAndCanBeKilledAlone() throws Exception {
		String second = stack.startExtraInstance("inventory-service");
		try {
			assertThat(second).startsWith("inventory-service#");
			assertThat(stack.instances("inventory-service")).containsExactly("inventory-service", second);
			assertThat(stack.serviceUrl(second)).isNotEqualTo(stack.serviceUrl("inventory-service"));
			assertThat(get(stack.serviceUrl(second) + "/args").body().lines()).contains(
					"--spring.datasource.username=inventory_service",
					"--spring.kafka.bootstrap-servers=" + stack.servicesBootstrapServers());
			assertThat(stack.logFile(second)).isNotEqualTo(stack.logFile("inventory-service"));
			assertThat(Files.readString(stack.logFile(second))).contains("starting " + second);

			stack.kill(second);
			assertThat(stack.isRunning(second)).isFalse();
			assertThat(stack.hasExited(second)).as("killed by the stack, not by itself").isFalse();
			assertThat(stack.exitValue(second)).hasValue(137);
			assertThat(stack.isRunning("inventory-service")).isTrue();
			stack.restart(second);
			assertThat(get(stack.serviceUrl(second) + "/actuator/health").statusCode()).isEqualTo(200);
		}
		finally {
			stack.stop(second);
		}
		assertThat(stack.isRunning(second)).isFalse();
	}

	@Test
	void aServiceRestartedWithAFailpointEndsItselfAndComesBackWithoutIt() throws Exception {
		String url = stack.serviceUrl("payment-service");
		stack.restart("payment-service", Map.of("fake.halt-code", "42"));
		assertThat(get(url + "/args").body().lines()).contains("--fake.halt-code=42");
		assertThat(stack.hasExited("payment-service")).isFalse();
		try {
			get(url + "/halt");
		}
		catch (IOException ex) {
			// it may end before it has answered
		}
		await().atMost(Duration.ofSeconds(10)).until(() -> stack.hasExited("payment-service"));
		assertThat(stack.exitValue("payment-service")).hasValue(42);
		assertThat(stack.isRunning("payment-service")).isFalse();

		stack.restart("payment-service");
		assertThat(stack.hasExited("payment-service")).isFalse();
		assertThat(stack.exitValue("payment-service")).isEmpty();
		assertThat(get(url + "/args").body()).doesNotContain("fake.halt-code");
		assertThat(get(url + "/halt").statusCode()).isEqualTo(404);
		assertThatThrownBy(() -> stack.restart("payment-service", Map.of("server.port", "1")))
			.isInstanceOf(IllegalArgumentException.class);
	}

}
