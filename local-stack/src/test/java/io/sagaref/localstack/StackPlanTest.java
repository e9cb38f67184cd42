package io.sagaref.localstack;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What the stack checks before starting anything: the jars are built and the fixed ports
 * are free.
 */
class StackPlanTest {

	@TempDir
	Path repo;

	@Test
	void findsTheNewestExecutableJarOfEachService() throws IOException {
		FakeServiceJars.repository(this.repo, "order-service");
		Path target = this.repo.resolve("order-service/target");
		Path older = target.resolve("order-service-0.0.9-exec.jar");
		Files.writeString(older, "old");
		Files.setLastModifiedTime(older, FileTime.from(Instant.parse("2020-01-01T00:00:00Z")));
		Files.writeString(target.resolve("order-service-0.1.0-SNAPSHOT.jar"), "plain library jar");
		var options = StackOptions.defaults(this.repo).withServices("order-service");
		assertThat(StackPlan.jars(options)).containsOnlyKeys(SagaService.ORDER)
			.containsValue(target.resolve("order-service-0.1.0-SNAPSHOT-exec.jar"));
	}

	@Test
	void namesEveryMissingJarAndTheCommandThatBuildsThem() throws IOException {
		FakeServiceJars.repository(this.repo, "inventory-service", "payment-service", "order-query-service");
		FakeServiceJars.repository(this.repo, "legacy-monolith");
		assertThatThrownBy(() -> StackPlan.jars(StackOptions.defaults(this.repo)))
			.isInstanceOf(LocalStackException.class)
			.hasMessageStartingWith("No executable jar for order-service, notification-service, api-gateway")
			.hasMessageContaining(
					"./mvnw -B -DskipTests package -pl order-service,notification-service,api-gateway -am");
	}

	@Test
	void randomPortsAreDistinctAndFree() {
		var ports = StackPlan.ports(StackOptions.forTests(this.repo));
		assertThat(ports).hasSize(SagaService.values().length);
		assertThat(ports.values()).doesNotHaveDuplicates().allMatch(Ports::isFree);
	}

	@Test
	void fixedPortsFollowTheArchitecture() {
		// the services (offsets 0 to 6), Postgres, Kafka and its controller (Kafka's port
		// + 1): all must be free
		int base = freePortsInARow(10);
		var options = StackOptions.defaults(this.repo).with(new PortOptions(false, base, base + 7, base + 8));
		var ports = StackPlan.ports(options);
		assertThat(ports).containsEntry(SagaService.GATEWAY, base)
			.containsEntry(SagaService.ORDER, base + 1)
			.containsEntry(SagaService.PAYMENT, base + 2)
			.containsEntry(SagaService.INVENTORY, base + 3)
			.containsEntry(SagaService.ORDER_QUERY, base + 4)
			.containsEntry(SagaService.LEGACY_MONOLITH, base + 6)
			.containsEntry(SagaService.NOTIFICATION, base + 5);
	}

	@Test
	void aTakenFixedPortStopsTheStartWithAHint() throws IOException {
		try (var taken = new ServerSocket()) {
			taken.bind(new InetSocketAddress("localhost", 0));
			int port = taken.getLocalPort();
			assertThat(Ports.isFree(port)).isFalse();
			var options = StackOptions.defaults(this.repo)
				.with(new PortOptions(false, port - 1, port, freePortsInARow(2)));
			assertThatThrownBy(() -> StackPlan.ports(options)).isInstanceOf(LocalStackException.class)
				// only our socket is known to be taken: a neighbouring port may be busy
				// too, so no exact text
				.hasMessageContaining(port + " (Postgres)")
				.hasMessageContaining(port + " (order-service)")
				.hasMessageContaining("already in use")
				.hasMessageContaining("fuser -k " + port + "/tcp")
				.hasMessageContaining("--random-ports");
			var withoutOrders = options
				.with(new PortOptions(false, port - 1, Ports.free(1).get(0), options.ports().kafkaPort()))
				.withServices("inventory-service");
			assertThat(StackPlan.ports(withoutOrders)).containsEntry(SagaService.ORDER, port);
			var kafkaBelow = withoutOrders
				.with(new PortOptions(false, port - 1, withoutOrders.ports().postgresPort(), port - 1));
			assertThatThrownBy(() -> StackPlan.ports(kafkaBelow)).hasMessageContaining(port + " (Kafka's controller)")
				.hasMessageContaining("already in use");
		}
	}

	private static int freePortsInARow(int count) {
		for (int attempt = 0; attempt < 100; attempt++) {
			int base = Ports.free(1).get(0);
			if (base + count - 1 <= 65535
					&& java.util.stream.IntStream.range(base, base + count).allMatch(Ports::isFree)) {
				return base;
			}
		}
		throw new IllegalStateException("No " + count + " free ports in a row");
	}

}
