package io.sagaref.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How to run the local stack. Start from {@link #defaults(Path)} (the CLI: fixed ports,
 * durable Postgres and Kafka data kept in {@code .local-stack}) or
 * {@link #forTests(Path)} (free ports, throwaway data, fast Postgres) and adjust with the
 * {@code with...} methods.
 *
 * @param repoRoot the repository root, where {@code <module>/target/*-exec.jar} are found
 * @param dataDirectory where the logs ({@code logs/<service>.log},
 * {@code logs/kafka.log}) and, if kept, the Postgres and Kafka data ({@code postgres/},
 * {@code kafka/}) live
 * @param reset whether to wipe the kept Postgres and Kafka data before starting
 * @param durable whether Postgres flushes every commit to disk (fsync, synchronous
 * commit)
 * @param randomPorts whether every server takes a free port instead of the fixed ones
 * @param extraProperties Spring properties passed to every service
 * @param serviceProperties Spring properties per service name, applied after the extra
 * ones
 * @param persistentDatabase whether Postgres and Kafka keep their data in
 * {@code dataDirectory} across runs (else throwaway directories, deleted on close; they
 * still survive a stop and start of Postgres or Kafka within the run)
 * @param postgresPort Postgres's port unless {@code randomPorts}
 * @param basePort the gateway's port unless {@code randomPorts}; the services take the
 * next four (order, payment, inventory, order-query)
 * @param jvmOptions options of every service's JVM
 * @param kafkaPartitions partitions of each topic the broker creates
 * @param startupTimeout how long every service may take to report UP
 * @param services which services to run, by name (empty: only Postgres and Kafka)
 * @param kafkaPort Kafka's port unless {@code randomPorts}; its controller takes the next
 * @param proxied whether the services reach Postgres and Kafka through proxies that tests
 * can freeze or slow down (see {@link LocalStack#freezeKafkaLink()})
 */
public record StackOptions(Path repoRoot, Path dataDirectory, boolean reset, boolean durable, boolean randomPorts,
		Map<String, String> extraProperties, Map<String, Map<String, String>> serviceProperties,
		boolean persistentDatabase, int postgresPort, int basePort, List<String> jvmOptions, int kafkaPartitions,
		Duration startupTimeout, List<String> services, int kafkaPort, boolean proxied) {

	/**
	 * Small JVMs that start fast; pass your own for a benchmark (C2 compiles hot code).
	 */
	public static final List<String> DEFAULT_JVM_OPTIONS = List.of("-Xmx256m", "-XX:+UseSerialGC",
			"-XX:TieredStopAtLevel=1");

	/** Postgres's port in the CLI's default setup. */
	public static final int DEFAULT_POSTGRES_PORT = 15432;

	/** The gateway's port; services on the next four, as in docs/architecture.md. */
	public static final int DEFAULT_BASE_PORT = 8080;

	/** Kafka's port in the CLI's default setup; its controller listens on the next. */
	public static final int DEFAULT_KAFKA_PORT = 19092;

	public StackOptions {
		repoRoot = repoRoot.toAbsolutePath().normalize();
		dataDirectory = dataDirectory.toAbsolutePath().normalize();
		extraProperties = checkedProperties(extraProperties, "every service");
		var perService = new LinkedHashMap<String, Map<String, String>>();
		serviceProperties.forEach((name, properties) -> perService.put(SagaService.named(name).serviceName(),
				checkedProperties(properties, name)));
		serviceProperties = Map.copyOf(perService);
		checkPort(postgresPort, "Postgres port");
		checkPort(basePort, "base port");
		checkPort(kafkaPort, "Kafka port");
		if (kafkaPort == 65535) {
			throw new IllegalArgumentException(
					"Kafka port must leave room for the controller's on the next: " + kafkaPort);
		}
		if (basePort + 4 > 65535) {
			throw new IllegalArgumentException("base port must leave room for four more ports: " + basePort);
		}
		jvmOptions = List.copyOf(jvmOptions);
		if (kafkaPartitions < 1) {
			throw new IllegalArgumentException("Kafka partitions must be at least 1: " + kafkaPartitions);
		}
		if (startupTimeout.isNegative() || startupTimeout.isZero()) {
			throw new IllegalArgumentException("startup timeout must be positive: " + startupTimeout);
		}
		services = services.stream()
			.map(SagaService::named)
			.distinct()
			.sorted(Comparator.naturalOrder())
			.map(SagaService::serviceName)
			.toList();
	}

	/**
	 * The seven settings most callers need; everything else as in
	 * {@link #defaults(Path)}.
	 * @param repoRoot the repository root
	 * @param dataDirectory where logs and the kept Postgres data live
	 * @param reset whether to wipe the kept Postgres data first
	 * @param durable whether Postgres flushes every commit to disk
	 * @param randomPorts whether every server takes a free port
	 * @param extraProperties Spring properties for every service
	 * @param serviceProperties Spring properties per service name
	 */
	public StackOptions(Path repoRoot, Path dataDirectory, boolean reset, boolean durable, boolean randomPorts,
			Map<String, String> extraProperties, Map<String, Map<String, String>> serviceProperties) {
		this(repoRoot, dataDirectory, reset, durable, randomPorts, extraProperties, serviceProperties, true,
				DEFAULT_POSTGRES_PORT, DEFAULT_BASE_PORT, DEFAULT_JVM_OPTIONS, 4, Duration.ofSeconds(120),
				allServices(), DEFAULT_KAFKA_PORT, false);
	}

	/**
	 * The CLI's setup: every service on 8080..8084, durable Postgres on 15432 and Kafka
	 * on 19092 with their data kept in {@code <repoRoot>/.local-stack/postgres} and
	 * {@code .local-stack/kafka}.
	 * @param repoRoot the repository root
	 * @return the options
	 */
	public static StackOptions defaults(Path repoRoot) {
		return new StackOptions(repoRoot, repoRoot.resolve(".local-stack"), false, true, false, Map.of(), Map.of());
	}

	/**
	 * For system tests: every server on a free port, Postgres without fsync, Postgres's
	 * and Kafka's data in throwaway directories, logs in a new temporary directory (see
	 * {@link LocalStack#logFile}); no proxies unless {@link #withProxies(boolean)}.
	 * @param repoRoot the repository root
	 * @return the options
	 */
	public static StackOptions forTests(Path repoRoot) {
		try {
			return defaults(repoRoot).withDataDirectory(Files.createTempDirectory("local-stack-"))
				.withDurable(false)
				.withRandomPorts(true)
				.withPersistentDatabase(false);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * @param start a directory inside the repository, e.g. a module's working directory
	 * in its tests
	 * @return the nearest directory at or above it with the Maven wrapper and the
	 * local-stack module
	 * @throws IllegalArgumentException if there is none
	 */
	public static Path findRepoRoot(Path start) {
		for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
			if (Files.isRegularFile(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve("local-stack"))) {
				return dir;
			}
		}
		throw new IllegalArgumentException("No repository root (with mvnw and local-stack/) at or above " + start);
	}

	/**
	 * @return every service name, in start order
	 */
	public static List<String> allServices() {
		return Arrays.stream(SagaService.values()).map(SagaService::serviceName).toList();
	}

	/**
	 * @param service a service name
	 * @return the Spring properties that service gets beyond the launcher's own: the
	 * extra ones, overridden by its own
	 */
	public Map<String, String> propertiesOf(String service) {
		var merged = new LinkedHashMap<>(this.extraProperties);
		merged.putAll(this.serviceProperties.getOrDefault(SagaService.named(service).serviceName(), Map.of()));
		return merged;
	}

	/**
	 * @param dataDirectory where logs and the kept Postgres data live
	 * @return a copy with that data directory
	 */
	public StackOptions withDataDirectory(Path dataDirectory) {
		return new StackOptions(this.repoRoot, dataDirectory, this.reset, this.durable, this.randomPorts,
				this.extraProperties, this.serviceProperties, this.persistentDatabase, this.postgresPort, this.basePort,
				this.jvmOptions, this.kafkaPartitions, this.startupTimeout, this.services, this.kafkaPort,
				this.proxied);
	}

	/**
	 * @param reset whether to wipe the kept Postgres and Kafka data before starting
	 * @return a copy with that setting
	 */
	public StackOptions withReset(boolean reset) {
		return new StackOptions(this.repoRoot, this.dataDirectory, reset, this.durable, this.randomPorts,
				this.extraProperties, this.serviceProperties, this.persistentDatabase, this.postgresPort, this.basePort,
				this.jvmOptions, this.kafkaPartitions, this.startupTimeout, this.services, this.kafkaPort,
				this.proxied);
	}

	/**
	 * @param durable whether Postgres flushes every commit to disk
	 * @return a copy with that setting
	 */
	public StackOptions withDurable(boolean durable) {
		return new StackOptions(this.repoRoot, this.dataDirectory, this.reset, durable, this.randomPorts,
				this.extraProperties, this.serviceProperties, this.persistentDatabase, this.postgresPort, this.basePort,
				this.jvmOptions, this.kafkaPartitions, this.startupTimeout, this.services, this.kafkaPort,
				this.proxied);
	}

	/**
	 * @param randomPorts whether every server takes a free port
	 * @return a copy with that setting
	 */
	public StackOptions withRandomPorts(boolean randomPorts) {
		return new StackOptions(this.repoRoot, this.dataDirectory, this.reset, this.durable, randomPorts,
				this.extraProperties, this.serviceProperties, this.persistentDatabase, this.postgresPort, this.basePort,
				this.jvmOptions, this.kafkaPartitions, this.startupTimeout, this.services, this.kafkaPort,
				this.proxied);
	}

	/**
	 * @param key a Spring property
	 * @param value its value
	 * @return a copy that passes the property to every service
	 */
	public StackOptions withProperty(String key, String value) {
		var extra = new LinkedHashMap<>(this.extraProperties);
		extra.put(key, value);
		return new StackOptions(this.repoRoot, this.dataDirectory, this.reset, this.durable, this.randomPorts, extra,
				this.serviceProperties, this.persistentDatabase, this.postgresPort, this.basePort, this.jvmOptions,
				this.kafkaPartitions, this.startupTimeout, this.services, this.kafkaPort, this.proxied);
	}

	/**
	 * @param service a service name such as {@code order-service}
	 * @param key a Spring property
	 * @param value its value
	 * @return a copy that passes the property to that service only
	 */
	public StackOptions withServiceProperty(String service, String key, String value) {
		String name = SagaService.named(service).serviceName();
		var perService = new LinkedHashMap<>(this.serviceProperties);
		var properties = new LinkedHashMap<>(perService.getOrDefault(name, Map.of()));
		properties.put(key, value);
		perService.put(name, properties);
		return new StackOptions(this.repoRoot, this.dataDirectory, this.reset, this.durable, this.randomPorts,
				this.extraProperties, perService, this.persistentDatabase, this.postgresPort, this.basePort,
				this.jvmOptions, this.kafkaPartitions, this.startupTimeout, this.services, this.kafkaPort,
				this.proxied);
	}

	/**
	 * @param persistentDatabase whether Postgres and Kafka keep their data in the data
	 * directory
	 * @return a copy with that setting
	 */
	public StackOptions withPersistentDatabase(boolean persistentDatabase) {
		return new StackOptions(this.repoRoot, this.dataDirectory, this.reset, this.durable, this.randomPorts,
				this.extraProperties, this.serviceProperties, persistentDatabase, this.postgresPort, this.basePort,
				this.jvmOptions, this.kafkaPartitions, this.startupTimeout, this.services, this.kafkaPort,
				this.proxied);
	}

	/**
	 * @param postgresPort Postgres's port unless random ports are chosen
	 * @return a copy with that port
	 */
	public StackOptions withPostgresPort(int postgresPort) {
		return new StackOptions(this.repoRoot, this.dataDirectory, this.reset, this.durable, this.randomPorts,
				this.extraProperties, this.serviceProperties, this.persistentDatabase, postgresPort, this.basePort,
				this.jvmOptions, this.kafkaPartitions, this.startupTimeout, this.services, this.kafkaPort,
				this.proxied);
	}

	/**
	 * @param basePort the gateway's port unless random ports are chosen
	 * @return a copy with that port
	 */
	public StackOptions withBasePort(int basePort) {
		return new StackOptions(this.repoRoot, this.dataDirectory, this.reset, this.durable, this.randomPorts,
				this.extraProperties, this.serviceProperties, this.persistentDatabase, this.postgresPort, basePort,
				this.jvmOptions, this.kafkaPartitions, this.startupTimeout, this.services, this.kafkaPort,
				this.proxied);
	}

	/**
	 * @param jvmOptions options of every service's JVM
	 * @return a copy with those options
	 */
	public StackOptions withJvmOptions(List<String> jvmOptions) {
		return new StackOptions(this.repoRoot, this.dataDirectory, this.reset, this.durable, this.randomPorts,
				this.extraProperties, this.serviceProperties, this.persistentDatabase, this.postgresPort, this.basePort,
				jvmOptions, this.kafkaPartitions, this.startupTimeout, this.services, this.kafkaPort, this.proxied);
	}

	/**
	 * @param kafkaPartitions partitions of each topic the broker creates
	 * @return a copy with that count
	 */
	public StackOptions withKafkaPartitions(int kafkaPartitions) {
		return new StackOptions(this.repoRoot, this.dataDirectory, this.reset, this.durable, this.randomPorts,
				this.extraProperties, this.serviceProperties, this.persistentDatabase, this.postgresPort, this.basePort,
				this.jvmOptions, kafkaPartitions, this.startupTimeout, this.services, this.kafkaPort, this.proxied);
	}

	/**
	 * @param startupTimeout how long every service may take to report UP
	 * @return a copy with that timeout
	 */
	public StackOptions withStartupTimeout(Duration startupTimeout) {
		return new StackOptions(this.repoRoot, this.dataDirectory, this.reset, this.durable, this.randomPorts,
				this.extraProperties, this.serviceProperties, this.persistentDatabase, this.postgresPort, this.basePort,
				this.jvmOptions, this.kafkaPartitions, startupTimeout, this.services, this.kafkaPort, this.proxied);
	}

	/**
	 * @param services which services to run, by name (none: only Postgres and Kafka)
	 * @return a copy running those services, in start order
	 */
	public StackOptions withServices(List<String> services) {
		return new StackOptions(this.repoRoot, this.dataDirectory, this.reset, this.durable, this.randomPorts,
				this.extraProperties, this.serviceProperties, this.persistentDatabase, this.postgresPort, this.basePort,
				this.jvmOptions, this.kafkaPartitions, this.startupTimeout, services, this.kafkaPort, this.proxied);
	}

	/**
	 * @param kafkaPort Kafka's port unless random ports are chosen (its controller takes
	 * the next)
	 * @return a copy with that port
	 */
	public StackOptions withKafkaPort(int kafkaPort) {
		return new StackOptions(this.repoRoot, this.dataDirectory, this.reset, this.durable, this.randomPorts,
				this.extraProperties, this.serviceProperties, this.persistentDatabase, this.postgresPort, this.basePort,
				this.jvmOptions, this.kafkaPartitions, this.startupTimeout, this.services, kafkaPort, this.proxied);
	}

	/**
	 * @param proxied whether the services reach Postgres and Kafka through proxies that
	 * tests can freeze or slow down
	 * @return a copy with that setting
	 */
	public StackOptions withProxies(boolean proxied) {
		return new StackOptions(this.repoRoot, this.dataDirectory, this.reset, this.durable, this.randomPorts,
				this.extraProperties, this.serviceProperties, this.persistentDatabase, this.postgresPort, this.basePort,
				this.jvmOptions, this.kafkaPartitions, this.startupTimeout, this.services, this.kafkaPort, proxied);
	}

	private static Map<String, String> checkedProperties(Map<String, String> properties, String owner) {
		properties.keySet().forEach((key) -> {
			if (key.isBlank()) {
				throw new IllegalArgumentException("A property for " + owner + " has no name");
			}
			if (key.equals("server.port")) {
				throw new IllegalArgumentException(
						"server.port for " + owner + " cannot be set: ports come from the base port or random ports");
			}
		});
		return Map.copyOf(properties);
	}

	private static void checkPort(int port, String what) {
		if (port < 1 || port > 65535) {
			throw new IllegalArgumentException(what + " must be between 1 and 65535: " + port);
		}
	}

}
