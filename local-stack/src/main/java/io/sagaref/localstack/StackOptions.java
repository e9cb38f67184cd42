package io.sagaref.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * How to run the local stack, in four small parts and a switch. Start from
 * {@link #defaults(Path)} (the CLI: fixed ports, durable Postgres and Kafka data kept in
 * {@code .local-stack}) or {@link #forTests(Path)} (free ports, throwaway data, fast
 * Postgres), and replace a part with {@code with(...)}.
 *
 * @param paths where the jars are found and where logs and kept data live
 * @param infrastructure how Postgres and Kafka keep their data, and Kafka's partitions
 * @param ports fixed ports or free ones
 * @param services which services run, with which JVM options and Spring properties
 * @param proxied whether the services reach Postgres and Kafka through proxies that a
 * test can break (see {@link LocalStack#databaseLink()})
 */
public record StackOptions(StackPaths paths, InfrastructureOptions infrastructure, PortOptions ports,
		ServiceOptions services, boolean proxied) {

	/**
	 * The CLI's setup: every service on 8080..8084, durable Postgres on 15432 and Kafka
	 * on 19092 with their data kept in {@code <repoRoot>/.local-stack/postgres} and
	 * {@code .local-stack/kafka}.
	 * @param repoRoot the repository root
	 * @return the options
	 */
	public static StackOptions defaults(Path repoRoot) {
		return new StackOptions(StackPaths.inRepository(repoRoot), InfrastructureOptions.kept(), PortOptions.fixed(),
				ServiceOptions.all(), false);
	}

	/**
	 * For system tests: every server on a free port, Postgres without fsync, Postgres's
	 * and Kafka's data in throwaway directories, logs in a new temporary directory (see
	 * {@link ServiceProcess#logFile()}); no proxies unless {@link #withProxies()};
	 * services may take {@link ServiceOptions#TEST_STARTUP_SECONDS} to come up.
	 * @param repoRoot the repository root
	 * @return the options
	 */
	public static StackOptions forTests(Path repoRoot) {
		try {
			return new StackOptions(new StackPaths(repoRoot, Files.createTempDirectory("local-stack-")),
					InfrastructureOptions.throwaway(), PortOptions.anyFree(),
					ServiceOptions.all().withStartupTimeout(Duration.ofSeconds(ServiceOptions.TEST_STARTUP_SECONDS)),
					false);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * @param infrastructure how Postgres and Kafka keep their data
	 * @return a copy with that part
	 */
	public StackOptions with(InfrastructureOptions infrastructure) {
		return new StackOptions(this.paths, infrastructure, this.ports, this.services, this.proxied);
	}

	/**
	 * @param ports fixed or free ports
	 * @return a copy with that part
	 */
	public StackOptions with(PortOptions ports) {
		return new StackOptions(this.paths, this.infrastructure, ports, this.services, this.proxied);
	}

	/**
	 * @param services which services run and how
	 * @return a copy with that part
	 */
	public StackOptions with(ServiceOptions services) {
		return new StackOptions(this.paths, this.infrastructure, this.ports, services, this.proxied);
	}

	/**
	 * @return a copy whose services reach Postgres and Kafka through proxies, so that a
	 * test can freeze, slow or cut the links
	 */
	public StackOptions withProxies() {
		return new StackOptions(this.paths, this.infrastructure, this.ports, this.services, true);
	}

	/**
	 * @param names which services to run (none: only Postgres and Kafka)
	 * @return a copy running those services, in start order
	 */
	public StackOptions withServices(String... names) {
		return with(this.services.withNames(List.of(names)));
	}

	/**
	 * @param key a Spring property
	 * @param value its value
	 * @return a copy that passes the property to every service
	 */
	public StackOptions withProperty(String key, String value) {
		return with(this.services.withProperties(this.services.properties().with(key, value)));
	}

	/**
	 * @param service a service name such as {@code order-service}
	 * @param key a Spring property
	 * @param value its value
	 * @return a copy that passes the property to that service only
	 */
	public StackOptions withServiceProperty(String service, String key, String value) {
		return with(this.services.withProperties(this.services.properties().with(service, key, value)));
	}

}
