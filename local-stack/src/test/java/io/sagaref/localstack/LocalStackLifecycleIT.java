package io.sagaref.localstack;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.sagaref.embedded.ServiceDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Starting and stopping as a whole: graceful stop in order, kept data and
 * {@code --reset}, and a failed start that leaves nothing running.
 */
class LocalStackLifecycleIT {

	@TempDir
	Path repo;

	private static boolean listening(String hostAndPort) {
		String[] parts = hostAndPort.replaceFirst("^.*://", "").replaceFirst("/.*$", "").split(":");
		try (var socket = new Socket(parts[0], Integer.parseInt(parts[1]))) {
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static Connection connectAsOrders(LocalStack stack) throws SQLException {
		var orders = ServiceDatabase.ORDERS;
		return DriverManager.getConnection(stack.postgres().jdbcUrl(), orders.role(), orders.password());
	}

	@Test
	void closeStopsServicesGracefullyThenKafkaThenPostgres() throws IOException {
		FakeServiceJars.repository(this.repo, "order-service");
		var stack = LocalStack.start(StackOptions.forTests(this.repo).withServices("order-service"));
		ServiceProcess orders = stack.service("order-service");
		String postgres = stack.postgres().jdbcUrl().replace("jdbc:postgresql", "postgresql");
		String kafka = stack.kafka().bootstrapServers();
		assertThat(List.of(orders.url(), postgres, kafka)).allMatch(LocalStackLifecycleIT::listening);
		stack.close();
		stack.close();
		assertThat(orders.isRunning()).isFalse();
		assertThat(stack.postgres().isRunning()).isFalse();
		assertThat(stack.kafka().isRunning()).isFalse();
		assertThat(List.of(orders.url(), postgres, kafka)).noneMatch(LocalStackLifecycleIT::listening);
		assertThat(Files.readString(orders.logFile())).contains("fake service stopping");
		assertThatThrownBy(orders::restart).isInstanceOf(IllegalStateException.class);
		assertThatThrownBy(() -> stack.kafka().start()).isInstanceOf(IllegalStateException.class);
		assertThatThrownBy(() -> stack.postgres().start()).isInstanceOf(IllegalStateException.class);
	}

	@Test
	void keepsPostgresAndKafkaDataAcrossRunsUntilReset() throws Exception {
		var options = StackOptions.forTests(this.repo).withServices().with(InfrastructureOptions.kept());
		Path data = options.paths().dataDirectory();
		try (var stack = LocalStack.start(options); var connection = connectAsOrders(stack)) {
			connection.createStatement().execute("create table kept (id int)");
			KafkaClients.sendAndAwaitAck(stack.kafka().bootstrapServers(), "kept", "sent in the first run");
			assertThat(data.resolve("postgres/postgresql.conf")).exists();
			assertThat(data.resolve("kafka/data/meta.properties")).exists();
		}
		try (var stack = LocalStack.start(options); var connection = connectAsOrders(stack)) {
			connection.createStatement().execute("insert into kept values (1)");
			assertThat(KafkaClients.readAll(stack.kafka().bootstrapServers(), "kept"))
				.containsExactly("sent in the first run");
		}
		try (var stack = LocalStack.start(options.with(options.infrastructure().withReset(true)));
				var connection = connectAsOrders(stack)) {
			assertThatThrownBy(() -> connection.createStatement().execute("select * from kept"))
				.hasMessageContaining("relation \"kept\" does not exist");
			assertThat(KafkaClients.readAll(stack.kafka().bootstrapServers(), "kept")).isEmpty();
		}
	}

	@Test
	void throwawayDataSurvivesRestartsButNotClose() {
		var stack = LocalStack.start(StackOptions.forTests(this.repo).withServices());
		List<Path> data = List.of(stack.postgres().dataDirectory(), stack.kafka().settings().directory());
		try {
			assertThat(data).allMatch(Files::isDirectory)
				.noneMatch((directory) -> directory.startsWith(stack.options().paths().dataDirectory()));
		}
		finally {
			stack.close();
		}
		assertThat(data).noneMatch(Files::exists);
		assertThat(stack.kafka().logFile()).exists();
	}

	@Test
	void aServiceThatCannotStartFailsTheStartWithItsLogAndStopsEverything() throws IOException {
		FakeServiceJars.repository(this.repo, "inventory-service", "order-service");
		var options = StackOptions.forTests(this.repo)
			.withServices("inventory-service", "order-service")
			.withServiceProperty("order-service", "fake.exit-code", "3");
		assertThatThrownBy(() -> LocalStack.start(options)).isInstanceOf(LocalStackException.class)
			.hasMessageStartingWith("order-service exited before it was healthy")
			.hasMessageContaining("fake service failing on purpose");
		assertThat(Files.readString(options.paths().logs().resolve("inventory-service.log")))
			.contains("fake service stopping");
	}

	@Test
	void aRestartThatNeverBecomesHealthyFailsAndLeavesNothingRunning() throws IOException {
		FakeServiceJars.repository(this.repo, "order-service");
		var options = StackOptions.forTests(this.repo).withServices("order-service");
		try (var stack = LocalStack.start(options.with(options.services().withStartupTimeout(Duration.ofSeconds(3))))) {
			ServiceProcess orders = stack.service("order-service");
			assertThatThrownBy(() -> orders.restart(Map.of("fake.health-status", "DOWN")))
				.isInstanceOf(LocalStackException.class)
				.hasMessageStartingWith("order-service was not healthy at " + orders.healthUrl() + " within 3 s");
			assertThat(orders.isRunning()).as("a failed start is stopped, not left half-started").isFalse();
			assertThat(listening(orders.url())).isFalse();
			orders.start();
			assertThat(listening(orders.url())).isTrue();
		}
	}

	@Test
	void aMissingJarFailsBeforeAnythingStarts() {
		assertThatThrownBy(() -> LocalStack.start(StackOptions.forTests(this.repo)))
			.isInstanceOf(LocalStackException.class)
			.hasMessageContaining(
					"No executable jar for inventory-service, legacy-monolith, payment-service, order-service")
			.hasMessageContaining("./mvnw -B -DskipTests package -pl ");
	}

}
