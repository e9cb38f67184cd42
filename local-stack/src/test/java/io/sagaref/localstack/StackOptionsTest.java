package io.sagaref.localstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The two setups the stack is used in, and options that stay consistent however they are
 * built.
 */
class StackOptionsTest {

	private static final Path REPO = Path.of("/work/repo");

	@Test
	void testsGetFreePortsAFastThrowawayDatabaseAndTheirOwnDirectory() {
		StackOptions options = StackOptions.forTests(REPO);
		assertThat(options.randomPorts()).isTrue();
		assertThat(options.durable()).isFalse();
		assertThat(options.persistentDatabase()).isFalse();
		assertThat(options.proxied()).isFalse();
		assertThat(options.dataDirectory()).isDirectory().isNotEqualTo(REPO.resolve(".local-stack"));
		assertThat(options.services()).hasSize(5);
		assertThat(StackOptions.forTests(REPO).dataDirectory()).isNotEqualTo(options.dataDirectory());
	}

	@Test
	void theSevenArgumentConstructorKeepsTheDefaultsForTheRest() {
		var options = new StackOptions(REPO, REPO.resolve("data"), true, false, true, Map.of("a", "1"),
				Map.of("payment-service", Map.of("b", "2")));
		assertThat(options.reset()).isTrue();
		assertThat(options.postgresPort()).isEqualTo(StackOptions.DEFAULT_POSTGRES_PORT);
		assertThat(options.basePort()).isEqualTo(StackOptions.DEFAULT_BASE_PORT);
		assertThat(options.jvmOptions()).isEqualTo(StackOptions.DEFAULT_JVM_OPTIONS);
		assertThat(options.propertiesOf("payment-service")).isEqualTo(Map.of("a", "1", "b", "2"));
		assertThat(options.propertiesOf("order-service")).isEqualTo(Map.of("a", "1"));
	}

	@Test
	void perServicePropertiesOverrideTheOnesForEveryService() {
		var options = StackOptions.defaults(REPO)
			.withProperty("saga.order.deadline", "60s")
			.withServiceProperty("order-service", "saga.order.deadline", "5s");
		assertThat(options.propertiesOf("order-service")).containsEntry("saga.order.deadline", "5s");
		assertThat(options.propertiesOf("inventory-service")).containsEntry("saga.order.deadline", "60s");
	}

	@Test
	void withersChangeOnlyWhatTheyName() {
		var base = StackOptions.defaults(REPO);
		var changed = base.withBasePort(9000)
			.withPostgresPort(6543)
			.withKafkaPartitions(2)
			.withKafkaPort(9093)
			.withProxies(true);
		assertThat(changed.basePort()).isEqualTo(9000);
		assertThat(changed.postgresPort()).isEqualTo(6543);
		assertThat(changed.kafkaPartitions()).isEqualTo(2);
		assertThat(changed.kafkaPort()).isEqualTo(9093);
		assertThat(changed.proxied()).isTrue();
		assertThat(changed.withBasePort(8080)
			.withPostgresPort(15432)
			.withKafkaPartitions(4)
			.withKafkaPort(19092)
			.withProxies(false)).isEqualTo(base);
	}

	@Test
	void servicesAreKeptInStartOrderWithoutDuplicates() {
		var options = StackOptions.defaults(REPO)
			.withServices(List.of("api-gateway", "inventory-service", "api-gateway", "order-service"));
		assertThat(options.services()).containsExactly("inventory-service", "order-service", "api-gateway");
	}

	@Test
	void optionsCannotBeChangedAfterwards() {
		var properties = new java.util.HashMap<String, String>(Map.of("a", "1"));
		var options = StackOptions.defaults(REPO).withProperty("a", "1");
		var direct = new StackOptions(REPO, REPO, false, true, false, properties, Map.of());
		properties.put("b", "2");
		assertThat(direct.extraProperties()).isEqualTo(Map.of("a", "1"));
		assertThatThrownBy(() -> options.extraProperties().put("c", "3"))
			.isInstanceOf(UnsupportedOperationException.class);
	}

	@Test
	void refusesWhatTheStackCouldNotHonour() {
		var options = StackOptions.defaults(REPO);
		assertThatThrownBy(() -> options.withServiceProperty("order-service", "server.port", "1"))
			.hasMessageContaining("server.port for order-service cannot be set");
		assertThatThrownBy(() -> options.withBasePort(65533)).hasMessageContaining("room for four more ports");
		assertThatThrownBy(() -> options.withKafkaPort(65535)).hasMessageContaining("room for the controller");
		assertThatThrownBy(() -> options.withServices(List.of("billing"))).hasMessageContaining("Unknown service");
		assertThatThrownBy(() -> options.withProperty(" ", "x")).hasMessageContaining("has no name");
	}

	@Test
	void findsTheRepositoryRootFromAModuleDirectory() throws Exception {
		Path root = StackOptions.findRepoRoot(Path.of(""));
		assertThat(root.resolve("mvnw")).isRegularFile();
		assertThat(StackOptions.findRepoRoot(root.resolve("local-stack/src/main"))).isEqualTo(root);
		assertThatThrownBy(() -> StackOptions.findRepoRoot(Path.of("/"))).hasMessageContaining("No repository root");
	}

	@Test
	void relativePathsBecomeAbsolute() throws Exception {
		var options = StackOptions.defaults(Path.of("."));
		assertThat(options.repoRoot()).isAbsolute().isEqualTo(Path.of("").toAbsolutePath());
		assertThat(Files.isDirectory(options.repoRoot())).isTrue();
	}

}
