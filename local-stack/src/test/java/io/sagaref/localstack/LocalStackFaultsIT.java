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
 * slowed or cut, more than one instance of a service, and a service that ends itself.
 */
class LocalStackFaultsIT {

	private static final HttpClient http = HttpClient.newHttpClient();

	private static final ServiceDatabase PAYMENTS = ServiceDatabase.PAYMENTS;

	@TempDir
	static Path repo;

	private static LocalStack stack;

	@BeforeAll
	static void start() throws IOException {
		FakeServiceJars.repository(repo, "payment-service", "inventory-service");
		stack = LocalStack
			.start(StackOptions.forTests(repo).withServices("payment-service", "inventory-service").withProxies());
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
		assertThat(stack.servicesJdbcUrl()).isNotEqualTo(stack.postgres().jdbcUrl())
			.contains(":" + stack.databaseLink().port() + "/");
		assertThat(stack.kafka().advertisedBootstrapServers()).isNotEqualTo(stack.kafka().bootstrapServers())
			.isEqualTo("localhost:" + stack.kafkaLink().port());
		assertThat(get(stack.service("payment-service").url() + "/args").body().lines()).contains(
				"--spring.datasource.url=" + stack.servicesJdbcUrl(),
				"--spring.kafka.bootstrap-servers=" + stack.kafka().advertisedBootstrapServers());
		try (var connection = connect(stack.servicesJdbcUrl())) {
			assertThat(selectOne(connection)).isEqualTo(1);
		}
	}

	@Test
	void aFrozenDatabaseLinkHoldsAQueryUntilItIsUnfrozen() throws Exception {
		try (var proxied = connect(stack.servicesJdbcUrl()); var direct = connect(stack.postgres().jdbcUrl())) {
			stack.databaseLink().freeze();
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
				stack.databaseLink().unfreeze();
				assertThat(query.get(10, TimeUnit.SECONDS)).isEqualTo(1);
			}
			finally {
				stack.databaseLink().restore();
			}
		}
	}

	@Test
	void aSlowDatabaseLinkDelaysEveryAnswerUntilRestored() throws Exception {
		try (var proxied = connect(stack.servicesJdbcUrl())) {
			stack.databaseLink().slow(Duration.ofMillis(300));
			try {
				long startedAt = System.nanoTime();
				assertThat(selectOne(proxied)).isEqualTo(1);
				assertThat(Duration.ofNanos(System.nanoTime() - startedAt))
					.isGreaterThanOrEqualTo(Duration.ofMillis(600));
			}
			finally {
				stack.databaseLink().restore();
			}
			long startedAt = System.nanoTime();
			assertThat(selectOne(proxied)).isEqualTo(1);
			assertThat(Duration.ofNanos(System.nanoTime() - startedAt)).isLessThan(Duration.ofMillis(300));
		}
	}

	@Test
	void aFrozenKafkaLinkHoldsTheServicesRecordsButNotTheTestsOwnClients() throws Exception {
		String topic = "frozen-" + UUID.randomUUID();
		try (var producer = KafkaClients.producer(stack.kafka().advertisedBootstrapServers())) {
			producer.partitionsFor(topic);
			stack.kafkaLink().freeze();
			try {
				var sent = KafkaClients.send(producer, topic, "held");
				await().during(Duration.ofMillis(800)).atMost(Duration.ofSeconds(3)).until(() -> !sent.isDone());
				KafkaClients.sendAndAwaitAck(stack.kafka().bootstrapServers(), topic, "direct");
				stack.kafkaLink().unfreeze();
				sent.get(30, TimeUnit.SECONDS);
			}
			finally {
				stack.kafkaLink().restore();
			}
		}
		assertThat(KafkaClients.readAll(stack.kafka().bootstrapServers(), topic)).containsExactlyInAnyOrder("held",
				"direct");
	}

	@Test
	void postgresComesBackOnTheSamePortWithItsData() throws Exception {
		String table = "kept_" + UUID.randomUUID().toString().replace("-", "");
		PostgresProcess postgres = stack.postgres();
		try (var connection = connect(postgres.jdbcUrl())) {
			connection.createStatement().execute("create table " + table + " (id int)");
			connection.createStatement().execute("insert into " + table + " values (7)");
		}
		String url = postgres.jdbcUrl();
		postgres.stop();
		assertThat(postgres.isRunning()).isFalse();
		assertThatThrownBy(() -> connect(url)).isInstanceOf(SQLException.class);
		postgres.start();
		assertThat(postgres.jdbcUrl()).isEqualTo(url);
		assertThatThrownBy(postgres::start).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("already running");
		try (var connection = connect(stack.servicesJdbcUrl());
				var result = connection.createStatement().executeQuery("select id from " + table)) {
			assertThat(result.next()).isTrue();
			assertThat(result.getInt(1)).isEqualTo(7);
		}
	}

	@Test
	void aKilledBrokerComesBackBehindTheSameProxyWithWhatItAcknowledged() throws Exception {
		String topic = "crash-" + UUID.randomUUID();
		KafkaClients.sendAndAwaitAck(stack.kafka().advertisedBootstrapServers(), topic, "before");
		stack.kafka().kill();
		assertThat(stack.kafka().isRunning()).isFalse();
		stack.kafka().start();
		KafkaClients.sendAndAwaitAck(stack.kafka().advertisedBootstrapServers(), topic, "after");
		assertThat(KafkaClients.readAll(stack.kafka().bootstrapServers(), topic)).containsExactlyInAnyOrder("before",
				"after");
		assertThat(Files.readString(stack.kafka().logFile())).contains("Recovering");
	}

	@Test
	void droppedDatabaseConnectionsEndButNewOnesWork() throws Exception {
		try (var proxied = connect(stack.servicesJdbcUrl())) {
			assertThat(selectOne(proxied)).isEqualTo(1);
			stack.databaseLink().dropConnections();
			assertThatThrownBy(() -> selectOne(proxied)).isInstanceOf(SQLException.class);
		}
		try (var fresh = connect(stack.servicesJdbcUrl())) {
			assertThat(selectOne(fresh)).isEqualTo(1);
		}
	}

	@Test
	void anExtraInstanceRunsBesideTheFirstWithTheSameSettingsAndCanBeKilledAlone() throws Exception {
		ServiceProcess first = stack.service("inventory-service");
		ServiceProcess second = stack.startExtraInstance("inventory-service");
		try {
			assertThat(second.name()).startsWith("inventory-service#");
			assertThat(stack.service(second.name())).isSameAs(second);
			assertThat(stack.instances("inventory-service")).containsExactly(first, second);
			assertThat(second.url()).isNotEqualTo(first.url());
			assertThat(get(second.url() + "/args").body().lines()).contains(
					"--spring.datasource.username=inventory_service",
					"--spring.kafka.bootstrap-servers=" + stack.kafka().advertisedBootstrapServers());
			assertThat(second.logFile()).isNotEqualTo(first.logFile());
			assertThat(Files.readString(second.logFile())).contains("starting " + second.name());

			second.kill();
			assertThat(second.isRunning()).isFalse();
			assertThat(second.hasExited()).as("killed by the stack, not by itself").isFalse();
			assertThat(second.exitValue()).hasValue(137);
			assertThat(first.isRunning()).isTrue();
			second.restart();
			assertThat(get(second.url() + "/actuator/health").statusCode()).isEqualTo(200);
		}
		finally {
			second.stop();
		}
		assertThat(second.isRunning()).isFalse();
		assertThat(second.exitValue()).hasValue(143);
	}

	@Test
	void aServiceRestartedWithAFailpointEndsItselfAndComesBackWithoutIt() throws Exception {
		ServiceProcess payments = stack.service("payment-service");
		payments.restart(Map.of("fake.halt-code", "42"));
		assertThat(get(payments.url() + "/args").body().lines()).contains("--fake.halt-code=42");
		assertThat(payments.hasExited()).isFalse();
		try {
			get(payments.url() + "/halt");
		}
		catch (IOException ex) {
			// it may end before it has answered
		}
		await().atMost(Duration.ofSeconds(10)).until(payments::hasExited);
		assertThat(payments.exitValue()).hasValue(42);
		assertThat(payments.isRunning()).isFalse();

		payments.start();
		assertThat(payments.hasExited()).isFalse();
		assertThat(payments.exitValue()).isEmpty();
		assertThat(get(payments.url() + "/args").body()).doesNotContain("fake.halt-code");
		assertThat(get(payments.url() + "/halt").statusCode()).isEqualTo(404);
		payments.restartUntilItHalts(Map.of("fake.exit-code", "42"), Duration.ofSeconds(30));
		assertThat(payments.hasExited()).isTrue();
		assertThat(payments.exitValue()).hasValue(42);
		payments.start();
		assertThat(payments.hasExited()).isFalse();
		assertThatThrownBy(() -> payments.restart(Map.of("server.port", "1")))
			.isInstanceOf(IllegalArgumentException.class);
	}

}
