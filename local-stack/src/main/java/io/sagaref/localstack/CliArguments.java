package io.sagaref.localstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The launcher's command line turned into {@link StackOptions}; every mistake is an
 * {@link IllegalArgumentException} that says what was wrong.
 *
 * @param help whether only the usage was asked for
 * @param options the options to start the stack with
 */
record CliArguments(boolean help, StackOptions options) {

	static final String USAGE = """
			Usage: ./run-local [options]
			Starts Postgres and Kafka (embedded) and every service in its own JVM; gateway on 8080.

			  --reset                 wipe the kept Postgres and Kafka data before starting
			  --data-dir DIR          data and logs (default ./.local-stack)
			  --postgres-port N       Postgres's port (default 15432)
			  --kafka-port N          Kafka's port (default 19092; its controller takes N+1)
			  --base-port N           gateway on N, order/payment/inventory/order-query on N+1..N+4 (default 8080)
			  --random-ports          any free ports instead
			  --no-fsync              Postgres without fsync: faster, not crash-safe
			  --jvm-opts "OPTS"       JVM options of every service (default "-Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1")
			  --kafka-partitions N    partitions per topic (default 4)
			  --timeout SECONDS       how long the services may take to become healthy (default 120)
			  --only NAME[,NAME...]   run only these services (order-service, payment-service, inventory-service,
			                          order-query-service, api-gateway); none: --only ''
			  --set [SERVICE:]KEY=VALUE
			                          a Spring property for every service, or for one (repeatable),
			                          e.g. --set order-service:saga.order.deadline=30s
			  --repo DIR              the repository root (default: the current directory)
			  -h, --help              this help
			""";

	/**
	 * @param args the command-line arguments
	 * @param workingDirectory what relative paths are resolved against
	 * @return the parsed arguments
	 * @throws IllegalArgumentException on an unknown option or a bad value
	 */
	static CliArguments parse(String[] args, Path workingDirectory) {
		var values = new LinkedHashMap<String, String>();
		var properties = new ArrayList<String>();
		var flags = new ArrayList<String>();
		for (int i = 0; i < args.length; i++) {
			String arg = args[i];
			String name = arg.contains("=") && arg.startsWith("--") ? arg.substring(0, arg.indexOf('=')) : arg;
			switch (name) {
				case "-h", "--help" -> {
					return new CliArguments(true, StackOptions.defaults(workingDirectory));
				}
				case "--reset", "--random-ports", "--no-fsync" -> flags.add(name);
				case "--data-dir", "--postgres-port", "--kafka-port", "--base-port", "--jvm-opts", "--kafka-partitions",
						"--timeout", "--only", "--repo", "--set" -> {
					String value;
					if (!name.equals(arg)) {
						value = arg.substring(name.length() + 1);
					}
					else if (i + 1 < args.length) {
						value = args[++i];
					}
					else {
						throw new IllegalArgumentException(name + " needs a value");
					}
					if (name.equals("--set")) {
						properties.add(value);
					}
					else {
						values.put(name, value);
					}
				}
				default -> throw new IllegalArgumentException("Unknown option: " + arg);
			}
		}
		return new CliArguments(false, toOptions(values, flags, properties, workingDirectory));
	}

	private static StackOptions toOptions(Map<String, String> values, List<String> flags, List<String> properties,
			Path workingDirectory) {
		Path repoRoot = workingDirectory.resolve(values.getOrDefault("--repo", ""));
		StackOptions options = StackOptions.defaults(repoRoot)
			.withReset(flags.contains("--reset"))
			.withRandomPorts(flags.contains("--random-ports"))
			.withDurable(!flags.contains("--no-fsync"));
		if (values.containsKey("--data-dir")) {
			options = options.withDataDirectory(workingDirectory.resolve(values.get("--data-dir")));
		}
		if (values.containsKey("--postgres-port")) {
			options = options.withPostgresPort(number(values, "--postgres-port"));
		}
		if (values.containsKey("--kafka-port")) {
			options = options.withKafkaPort(number(values, "--kafka-port"));
		}
		if (values.containsKey("--base-port")) {
			options = options.withBasePort(number(values, "--base-port"));
		}
		if (values.containsKey("--jvm-opts")) {
			options = options.withJvmOptions(Arrays.stream(values.get("--jvm-opts").trim().split("\\s+"))
				.filter((option) -> !option.isEmpty())
				.toList());
		}
		if (values.containsKey("--kafka-partitions")) {
			options = options.withKafkaPartitions(number(values, "--kafka-partitions"));
		}
		if (values.containsKey("--timeout")) {
			options = options.withStartupTimeout(Duration.ofSeconds(number(values, "--timeout")));
		}
		if (values.containsKey("--only")) {
			options = options.withServices(Arrays.stream(values.get("--only").split(","))
				.map(String::trim)
				.filter((service) -> !service.isEmpty())
				.toList());
		}
		for (String property : properties) {
			options = withProperty(options, property);
		}
		return options;
	}

	private static StackOptions withProperty(StackOptions options, String property) {
		int equals = property.indexOf('=');
		if (equals < 1) {
			throw new IllegalArgumentException("--set needs KEY=VALUE or SERVICE:KEY=VALUE, not '" + property + "'");
		}
		String key = property.substring(0, equals);
		String value = property.substring(equals + 1);
		int colon = key.indexOf(':');
		if (colon < 0) {
			return options.withProperty(key, value);
		}
		return options.withServiceProperty(key.substring(0, colon), key.substring(colon + 1), value);
	}

	private static int number(Map<String, String> values, String name) {
		try {
			return Integer.parseInt(values.get(name).trim());
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException(name + " needs a whole number, not '" + values.get(name) + "'");
		}
	}

}
