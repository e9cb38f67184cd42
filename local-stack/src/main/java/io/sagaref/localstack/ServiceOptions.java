package io.sagaref.localstack;

import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Which services run, and how: their JVMs, their Spring properties, how long they may
 * take to come up.
 *
 * @param names the services to run, kept in start order (empty: only Postgres and Kafka)
 * @param jvmOptions options of every service's JVM
 * @param startupTimeout how long the services may take to report UP
 * @param properties Spring properties for every service and per service
 */
public record ServiceOptions(List<String> names, List<String> jvmOptions, Duration startupTimeout,
		ServiceProperties properties) {

	/**
	 * Small JVMs that start fast; pass your own for a benchmark (C2 compiles hot code).
	 */
	public static final String DEFAULT_JVM_OPTIONS = "-Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1";

	/** How long the services may take to report UP, in seconds. */
	public static final int DEFAULT_STARTUP_SECONDS = 120;

	/**
	 * How long a service of a test stack may take to report UP, in seconds: longer than
	 * {@link #DEFAULT_STARTUP_SECONDS}, because a test starts services while others carry
	 * load on the same cores (a second instance joining, a restart mid-stream), where one
	 * Boot start-up has been seen to take two minutes on a busy 2-core machine. It bounds
	 * a wait; it measures nothing.
	 */
	public static final int TEST_STARTUP_SECONDS = 300;

	public ServiceOptions {
		names = names.stream()
			.map(SagaService::named)
			.distinct()
			.sorted(Comparator.naturalOrder())
			.map(SagaService::serviceName)
			.toList();
		jvmOptions = List.copyOf(jvmOptions);
		if (startupTimeout.isNegative() || startupTimeout.isZero()) {
			throw new IllegalArgumentException("startup timeout must be positive: " + startupTimeout);
		}
	}

	/**
	 * @return every service, with the default JVM options, timeout and no properties
	 */
	public static ServiceOptions all() {
		return new ServiceOptions(SagaService.serviceNames(), splitJvmOptions(DEFAULT_JVM_OPTIONS),
				Duration.ofSeconds(DEFAULT_STARTUP_SECONDS), ServiceProperties.NONE);
	}

	/**
	 * @param line JVM options as typed on a command line, e.g.
	 * {@code "-Xmx384m -XX:+UseSerialGC"}
	 * @return them one by one (blanks between them do not count)
	 */
	public static List<String> splitJvmOptions(String line) {
		return Arrays.stream(line.trim().split("\\s+")).filter((option) -> !option.isEmpty()).toList();
	}

	/**
	 * @param names which services to run
	 * @return a copy running those, in start order
	 */
	public ServiceOptions withNames(List<String> names) {
		return new ServiceOptions(names, this.jvmOptions, this.startupTimeout, this.properties);
	}

	/**
	 * @param timeout how long the services may take to report UP
	 * @return a copy with that timeout
	 */
	public ServiceOptions withStartupTimeout(Duration timeout) {
		return new ServiceOptions(this.names, this.jvmOptions, timeout, this.properties);
	}

	/**
	 * @param properties Spring properties for every service and per service
	 * @return a copy with those
	 */
	public ServiceOptions withProperties(ServiceProperties properties) {
		return new ServiceOptions(this.names, this.jvmOptions, this.startupTimeout, properties);
	}

}
