package io.sagaref.localstack;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;

import io.sagaref.embedded.ServiceDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Starting and stopping as a whole: graceful stop in order, kept data and
 * {@code --reset}, and a failed start that leaves nothing running.
 */
class LocalStackLifecycleTest {

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
		return DriverManager.getConnection(stack.jdbcUrl(), orders.role(), orders.password());
	}

	@Test
	void closeStopsServicesGracefullyThenKafkaThenPostgres() throws IOException {
		FakeServiceJars.repository(this.repo, "order-service");
		var stack = LocalStack.start(StackOptions.forTests(this.repo).withServices(List.of("order-service")));
		String service = stack.serviceUrl("order-service");
		String postgres = stack.jdbcUrl().replace("jdbc:postgresql", "postgresql");
		String kafka = stack.bootstrapServers();
		assertThat(List.of(service, postgres, kafka)).allMatch(LocalStackLifecycleTest::listening);
		stack.close();
		stack.close();
		assertThat(stack.isRunning("order-service")).isFalse();
		assertThat(List.of(service, postgres, kafka)).noneMatch(LocalStackLifecycleTest::listening);
		assertThat(Files.readString(stack.logFile("order-service"))).contains("fake service stopping");
		assertThatThrownBy(() -> stack.restart("order-service")).isInstanceOf(IllegalStateException.class);
	}

	@Test
	void keepsPostgresAndKafkaDataAcrossRunsUntilReset() throws Exception {
		var options = StackOptions.forTests(this.repo).withServices(List.of()).withPersistentDatabase(true);
		try (var stack = LocalStack.start(options); var connection = connectAsOrders(stack)) {
			connection.createStatement().execute("create table kept (id int)");
			KafkaClients.sendAndAwaitAck(stack.bootstrapServers(), "kept", "sent in the first run");
			assertThat(options.dataDirectory().resolve("postgres/postgresql.conf")).exists();
			assertThat(options.dataDirectory().resolve("kafka/data/meta.properties")).exists();
		}
		try (var stack = LocalStack.start(options); var connection = connectAsOrders(stack)) {
			connection.createStatement().execute("insert into kept values (1)");
			assertThat(KafkaClients.readAll(stack.bootstrapServers(), "kept")).containsExactly("sent in the first run");
		}
		try (var stack = LocalStack.start(options.withReset(true)); var connection = connectAsOrders(stack)) {
			assertThatThrownBy(() -> connection.createStatement().execute("select * from kept"))
				.hasMessageContaining("relation \"kept\" does not exist");
			assertThat(KafkaClients.readAll(stack.bootstrapServers(), "kept")).isEmpty();
		}
	}

	@Test
	void throwawayDataSurvivesRestartsButNotClose() {
		var stack = LocalStack.start(StackOptions.forTests(this.repo).withServices(List.of()));
		List<Path> data = List.of(stack.postgresDirectory(), stack.kafkaDirectory());
		try {
			assertThat(data).allMatch(Files::isDirectory)
				.noneMatch((directory) -> directory.startsWith(stack.options().dataDirectory()));
		}
		finally {
			stack.close();
		}
		assertThat(data).noneMatch(Files::exists);
		assertThat(stack.kafkaLogFile()).exists();
	}

	@Test
	void aServiceThatCannotStartFailsTheStartWithItsLogAndStopsEverything() throws IOException {
		FakeServiceJars.repository(this.repo, "inventory-service", "order-service");
		var options = StackOptions.forTests(this.repo)
			.withServices(List.of("inventory-service", "order-service"))
			.withServiceProperty("order-service", "fake.exit-code", "3");
		assertThatThrownBy(() -> LocalStack.start(options)).isInstanceOf(LocalStackException.class)
			.hasMessageStartingWith("order-service exited before it was healthy")
			.hasMessageContaining("fake service failing on purpose");
		assertThat(Files.readString(options.dataDirectory().resolve("logs/inventory-service.log")))
			.contains("fake service stopping");
	}

	@Test
	void aMissingJarFailsBeforeAnythingStarts() {
		assertThatThrownBy(() -> LocalStack.start(StackOptions.forTests(this.repo)))
			.isInstanceOf(LocalStackException.class)
			.hasMessageContaining("No executable jar for inventory-service, payment-service, order-service")
			.hasMessageContaining("./mvnw -B -DskipTests package -pl ");
	}

}
