package io.sagaref.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import io.sagaref.embedded.ServiceDatabase;
import org.jspecify.annotations.Nullable;

/**
 * The processes of the system as the local stack runs them, in start order: each knows
 * its Maven module, its port (offset from the gateway's) and, if it owns data, its schema
 * and role.
 */
public enum SagaService {

	INVENTORY("inventory-service", 3, ServiceDatabase.INVENTORY),

	LEGACY_MONOLITH("legacy-monolith", 6, ServiceDatabase.LEGACY),

	PAYMENT("payment-service", 2, ServiceDatabase.PAYMENTS),

	ORDER("order-service", 1, ServiceDatabase.ORDERS),

	ORDER_QUERY("order-query-service", 4, ServiceDatabase.ORDER_QUERY),

	NOTIFICATION("notification-service", 5, ServiceDatabase.NOTIFICATIONS),

	GATEWAY("api-gateway", 0, null);

	private final String serviceName;

	private final int portOffset;

	private final @Nullable ServiceDatabase database;

	SagaService(String serviceName, int portOffset, @Nullable ServiceDatabase database) {
		this.serviceName = serviceName;
		this.portOffset = portOffset;
		this.database = database;
	}

	/**
	 * @return the service's name, also its Maven module and spring.application.name
	 */
	public String serviceName() {
		return this.serviceName;
	}

	/**
	 * @param basePort the gateway's port
	 * @return the port this service listens on by default (8080 + offset, as in
	 * docs/architecture.md)
	 */
	public int defaultPort(int basePort) {
		return basePort + this.portOffset;
	}

	/**
	 * @return the largest port offset of any service: the stack needs that many ports
	 * above the gateway's
	 */
	public static int highestPortOffset() {
		return Arrays.stream(values()).mapToInt((service) -> service.portOffset).max().orElse(0);
	}

	/**
	 * @return the schema and role of a service that owns data; empty for the gateway
	 */
	public Optional<ServiceDatabase> database() {
		return Optional.ofNullable(this.database);
	}

	/**
	 * @param name a service name such as {@code order-service}
	 * @return the service
	 * @throws IllegalArgumentException naming the known services if there is none by that
	 * name
	 */
	public static SagaService named(String name) {
		return Arrays.stream(values())
			.filter((service) -> service.serviceName.equals(name))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException(
					"Unknown service '" + name + "': expected one of " + allNames()));
	}

	/**
	 * @return every service name, in start order
	 */
	public static List<String> serviceNames() {
		return Arrays.stream(values()).map(SagaService::serviceName).toList();
	}

	/**
	 * @return every service name, comma separated, in start order
	 */
	public static String allNames() {
		return Arrays.stream(values()).map(SagaService::serviceName).collect(Collectors.joining(", "));
	}

	/**
	 * Finds the executable jar that {@code ./mvnw package} builds for this service.
	 * @param repoRoot the repository's root
	 * @return the newest {@code <module>/target/<module>-<version>-exec.jar}, if built
	 */
	public Optional<Path> findJar(Path repoRoot) {
		Path target = repoRoot.resolve(this.serviceName).resolve("target");
		if (!Files.isDirectory(target)) {
			return Optional.empty();
		}
		try (var files = Files.newDirectoryStream(target, this.serviceName + "-*-exec.jar")) {
			Optional<Path> newest = Optional.empty();
			for (Path file : files) {
				if (newest.isEmpty() || NEWEST_FIRST.compare(file, newest.get()) < 0) {
					newest = Optional.of(file);
				}
			}
			return newest;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static final Comparator<Path> NEWEST_FIRST = Comparator
		.comparing((Path file) -> file.toFile().lastModified())
		.reversed();

}
