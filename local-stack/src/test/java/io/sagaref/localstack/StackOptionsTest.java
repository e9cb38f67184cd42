package io.sagaref.localstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
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
	void theCliRunsEveryServiceDurablyOnTheDocumentedPorts() {
		StackOptions options = StackOptions.defaults(REPO);
		assertThat(options.paths()).isEqualTo(new StackPaths(REPO, REPO.resolve(".local-stack")));
		assertThat(options.infrastructure()).isEqualTo(new InfrastructureOptions(true, false, true, 4));
		assertThat(options.ports()).isEqualTo(new PortOptions(false, 8080, 15432, 19092));
		assertThat(options.services().names()).containsExactly("inventory-service", "legacy-monolith",
				"payment-service", "order-service", "order-query-service", "notification-service", "api-gateway");
		assertThat(options.services().jvmOptions()).containsExactly("-Xmx256m", "-XX:+UseSerialGC",
				"-XX:TieredStopAtLevel=1");
		assertThat(options.services().startupTimeout()).isEqualTo(Duration.ofSeconds(120));
		assertThat(options.services().properties()).isEqualTo(ServiceProperties.NONE);
		assertThat(options.proxied()).isFalse();
	}

	@Test
	void testsGetFreePortsAFastThrowawayDatabaseAndTheirOwnDirectory() {
		StackOptions options = StackOptions.forTests(REPO);
		assertThat(options.ports().random()).isTrue();
		assertThat(options.infrastructure().durable()).isFalse();
		assertThat(options.infrastructure().persistent()).isFalse();
		assertThat(options.proxied()).isFalse();
		assertThat(options.services().startupTimeout()).isEqualTo(Duration.ofSeconds(300));
		assertThat(options.paths().dataDirectory()).isDirectory().isNotEqualTo(REPO.resolve(".local-stack"));
		assertThat(options.paths().logs()).isEqualTo(options.paths().dataDirectory().resolve("logs"));
		assertThat(options.services().names()).hasSize(SagaService.values().length);
		assertThat(StackOptions.forTests(REPO).paths().dataDirectory()).isNotEqualTo(options.paths().dataDirectory());
	}

	@Test
	void perServicePropertiesOverrideTheOnesForEveryService() {
		var options = StackOptions.defaults(REPO)
			.withProperty("saga.order.deadline", "60s")
			.withProperty("a", "1")
			.withServiceProperty("order-service", "saga.order.deadline", "5s");
		var properties = options.services().properties();
		assertThat(properties.of("order-service")).isEqualTo(Map.of("saga.order.deadline", "5s", "a", "1"));
		assertThat(properties.of("inventory-service")).isEqualTo(Map.of("saga.order.deadline", "60s", "a", "1"));
	}

	@Test
	void eachWitherChangesOnlyItsPart() {
		var base = StackOptions.defaults(REPO);
		var ports = new PortOptions(false, 9000, 6543, 9093);
		var changed = base.with(ports).with(base.infrastructure().withReset(true)).withProxies();
		assertThat(changed.ports()).isEqualTo(ports);
		assertThat(changed.infrastructure().reset()).isTrue();
		assertThat(changed.proxied()).isTrue();
		assertThat(changed.paths()).isEqualTo(base.paths());
		assertThat(changed.services()).isEqualTo(base.services());
		assertThat(changed.with(PortOptions.fixed()).with(InfrastructureOptions.kept()))
			.isEqualTo(new StackOptions(base.paths(), base.infrastructure(), base.ports(), base.services(), true));
	}

	@Test
	void servicesAreKeptInStartOrderWithoutDuplicates() {
		var options = StackOptions.defaults(REPO)
			.withServices("api-gateway", "inventory-service", "api-gateway", "order-service");
		assertThat(options.services().names()).containsExactly("inventory-service", "order-service", "api-gateway");
		assertThat(StackOptions.defaults(REPO).withServices().services().names()).isEmpty();
	}

	@Test
	void jvmOptionsAreSplitOnBlanks() {
		assertThat(ServiceOptions.splitJvmOptions(" -Xmx512m  -XX:+UseG1GC ")).containsExactly("-Xmx512m",
				"-XX:+UseG1GC");
		assertThat(ServiceOptions.splitJvmOptions("  ")).isEmpty();
	}

	@Test
	void optionsCannotBeChangedAfterwards() {
		var properties = new HashMap<String, String>(Map.of("a", "1"));
		var direct = new ServiceProperties(properties, Map.of());
		properties.put("b", "2");
		assertThat(direct.everyService()).isEqualTo(Map.of("a", "1"));
		var names = new java.util.ArrayList<>(List.of("order-service"));
		var services = ServiceOptions.all().withNames(names);
		names.add("api-gateway");
		assertThat(services.names()).containsExactly("order-service");
		assertThatThrownBy(() -> direct.everyService().put("c", "3")).isInstanceOf(UnsupportedOperationException.class);
	}

	@Test
	void refusesWhatTheStackCouldNotHonour() {
		var options = StackOptions.defaults(REPO);
		assertThatThrownBy(() -> options.withServiceProperty("order-service", "server.port", "1"))
			.hasMessageContaining("server.port for order-service cannot be set");
		assertThatThrownBy(() -> options.withProperty("server.port", "1"))
			.hasMessageContaining("server.port for every service cannot be set");
		assertThatThrownBy(() -> new PortOptions(false, 65533, 15432, 19092))
			.hasMessageContaining("ports of the services above it");
		assertThatThrownBy(() -> new PortOptions(false, 8080, 15432, 65535))
			.hasMessageContaining("room for the controller");
		assertThatThrownBy(() -> new PortOptions(false, 8080, 70000, 19092))
			.hasMessageContaining("between 1 and 65535");
		assertThatThrownBy(() -> new InfrastructureOptions(true, false, true, 0)).hasMessageContaining("at least 1");
		assertThatThrownBy(() -> ServiceOptions.all().withNames(List.of("billing")))
			.hasMessageContaining("Unknown service");
		assertThatThrownBy(() -> new ServiceOptions(List.of(), List.of(), Duration.ZERO, ServiceProperties.NONE))
			.hasMessageContaining("positive");
		assertThatThrownBy(() -> options.withServiceProperty("billing", "a", "b"))
			.hasMessageContaining("Unknown service 'billing'");
		assertThatThrownBy(() -> options.withProperty(" ", "x")).hasMessageContaining("has no name");
	}

	@Test
	void findsTheRepositoryRootFromAModuleDirectory() {
		Path root = StackPaths.findRepoRoot(Path.of(""));
		assertThat(root.resolve("mvnw")).isRegularFile();
		assertThat(StackPaths.findRepoRoot(root.resolve("local-stack/src/main"))).isEqualTo(root);
		assertThatThrownBy(() -> StackPaths.findRepoRoot(Path.of("/"))).hasMessageContaining("No repository root");
	}

	@Test
	void relativePathsBecomeAbsolute() {
		var options = StackOptions.defaults(Path.of("."));
		assertThat(options.paths().repoRoot()).isAbsolute().isEqualTo(Path.of("").toAbsolutePath());
		assertThat(Files.isDirectory(options.paths().repoRoot())).isTrue();
		assertThat(new StackPaths(Path.of("a/../b"), Path.of("c")).repoRoot()).isEqualTo(Path.of("b").toAbsolutePath());
	}

}
