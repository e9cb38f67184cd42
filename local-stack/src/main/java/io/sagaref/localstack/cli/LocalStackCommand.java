package io.sagaref.localstack.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;

import io.sagaref.localstack.InfrastructureOptions;
import io.sagaref.localstack.LocalStack;
import io.sagaref.localstack.PortOptions;
import io.sagaref.localstack.SagaService;
import io.sagaref.localstack.ServiceOptions;
import io.sagaref.localstack.ServiceProperties;
import io.sagaref.localstack.StackOptions;
import io.sagaref.localstack.StackPaths;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import sun.misc.Signal;

/**
 * The {@code ./run-local} command: reads the options, starts the stack, prints the ready
 * banner and keeps running until Ctrl-C, which stops everything. Exit codes: 0 after
 * {@code --help}, 2 for a mistake in the options (with the usage), 1 if the stack did not
 * start, 128 + the signal's number after a stop by a signal.
 */
@Command(name = "./run-local", customSynopsis = "./run-local [options]", sortOptions = false, usageHelpWidth = 110,
		description = "Starts Postgres and Kafka (embedded) and every service in its own JVM; gateway on 8080.%n",
		footer = { "%n./run-local's own: --no-build starts from the jars as they are (no build check);",
				"LOCAL_STACK_JAVA_OPTS sets the launcher's JVM options (default \"-Xmx512m -XX:+UseSerialGC\")." })
public final class LocalStackCommand implements Callable<Integer> {

	@Option(names = "--reset", description = "wipe the kept Postgres and Kafka data before starting")
	private boolean reset;

	@Option(names = "--data-dir", paramLabel = "DIR", description = "data and logs (default ./.local-stack)")
	private @Nullable Path dataDirectory;

	@Option(names = "--postgres-port", paramLabel = "N", description = "Postgres's port (default ${DEFAULT-VALUE})")
	private int postgresPort = PortOptions.DEFAULT_POSTGRES_PORT;

	@Option(names = "--kafka-port", paramLabel = "N",
			description = "Kafka's port (default ${DEFAULT-VALUE}; its controller takes N+1)")
	private int kafkaPort = PortOptions.DEFAULT_KAFKA_PORT;

	@Option(names = "--base-port", paramLabel = "N", description = "gateway on N, order/payment/inventory/order-query"
			+ " on N+1..N+4, legacy-monolith on N+6 (default ${DEFAULT-VALUE})")
	private int basePort = PortOptions.DEFAULT_BASE_PORT;

	@Option(names = "--random-ports", description = "any free ports instead")
	private boolean randomPorts;

	@Option(names = "--no-fsync", description = "Postgres without fsync: faster, not crash-safe")
	private boolean noFsync;

	@Option(names = "--jvm-opts", paramLabel = "\"OPTS\"",
			description = { "JVM options of every service", "(default \"${DEFAULT-VALUE}\")" })
	private String jvmOptions = ServiceOptions.DEFAULT_JVM_OPTIONS;

	@Option(names = "--kafka-partitions", paramLabel = "N",
			description = "partitions per topic (default ${DEFAULT-VALUE})")
	private int kafkaPartitions = InfrastructureOptions.DEFAULT_KAFKA_PARTITIONS;

	@Option(names = "--timeout", paramLabel = "SECONDS",
			description = "how long the services may take to become healthy (default ${DEFAULT-VALUE})")
	private int timeoutSeconds = ServiceOptions.DEFAULT_STARTUP_SECONDS;

	@Option(names = "--only", paramLabel = "NAME[,NAME...]", description = "run only these services (order-service,"
			+ " payment-service, inventory-service, order-query-service, notification-service, api-gateway, legacy-monolith); none: --only ''")
	private @Nullable String only;

	@Option(names = "--set", paramLabel = "[SERVICE:]KEY=VALUE",
			description = "a Spring property for every service, or for one (repeatable),"
					+ " e.g. --set order-service:saga.order.deadline=30s")
	private List<String> settings = new ArrayList<>();

	@Option(names = "--repo", paramLabel = "DIR", description = "the repository root (default: the current directory)")
	private @Nullable Path repo;

	@Option(names = { "-h", "--help" }, usageHelp = true, description = "this help")
	private boolean help;

	@Spec
	private @Nullable CommandSpec spec;

	private final Path workingDirectory;

	/**
	 * @param workingDirectory what relative paths are resolved against
	 */
	LocalStackCommand(Path workingDirectory) {
		this.workingDirectory = workingDirectory;
	}

	/**
	 * The command line: {@code ./run-local --help} lists the options.
	 * @param args the command-line arguments
	 */
	public static void main(String[] args) {
		LauncherLogging.quiet();
		int code = new CommandLine(new LocalStackCommand(Path.of("").toAbsolutePath())).execute(args);
		if (code != 0) {
			System.exit(code);
		}
	}

	@Override
	public Integer call() {
		StackOptions options;
		try {
			options = options();
		}
		catch (IllegalArgumentException ex) {
			throw new ParameterException(Objects.requireNonNull(this.spec).commandLine(), ex.getMessage());
		}
		LocalStack stack;
		try {
			stack = LocalStack.start(options);
		}
		catch (RuntimeException ex) {
			System.err.println();
			System.err.println("The local stack did not start: " + describe(ex));
			return 1;
		}
		AtomicInteger stoppedBy = stopOnSignals(stack);
		System.out.println(ReadyBanner.of(stack, this.workingDirectory).text());
		try {
			stack.awaitClosed();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		int signal = stoppedBy.get();
		if (signal != 0) {
			System.out.println(farewell(stack));
			return 128 + signal;
		}
		return 0;
	}

	/**
	 * @return the options the command line asks for
	 * @throws IllegalArgumentException naming what is wrong with them
	 */
	StackOptions options() {
		Path repoRoot = this.workingDirectory.resolve((this.repo != null) ? this.repo : Path.of(""));
		Path data = (this.dataDirectory != null) ? this.workingDirectory.resolve(this.dataDirectory)
				: StackPaths.inRepository(repoRoot).dataDirectory();
		List<String> names = (this.only == null) ? SagaService.serviceNames()
				: Arrays.stream(this.only.split(",")).map(String::trim).filter((name) -> !name.isEmpty()).toList();
		var services = new ServiceOptions(names, ServiceOptions.splitJvmOptions(this.jvmOptions),
				Duration.ofSeconds(this.timeoutSeconds), properties());
		return new StackOptions(new StackPaths(repoRoot, data),
				new InfrastructureOptions(true, this.reset, !this.noFsync, this.kafkaPartitions),
				new PortOptions(this.randomPorts, this.basePort, this.postgresPort, this.kafkaPort), services, false);
	}

	private ServiceProperties properties() {
		ServiceProperties properties = ServiceProperties.NONE;
		for (String setting : this.settings) {
			int equals = setting.indexOf('=');
			if (equals < 1) {
				throw new IllegalArgumentException("--set needs KEY=VALUE or SERVICE:KEY=VALUE, not '" + setting + "'");
			}
			String key = setting.substring(0, equals);
			String value = setting.substring(equals + 1);
			int colon = key.indexOf(':');
			properties = (colon < 0) ? properties.with(key, value)
					: properties.with(key.substring(0, colon), key.substring(colon + 1), value);
		}
		return properties;
	}

	/**
	 * Ctrl-C (SIGINT), SIGTERM and SIGHUP stop the stack, in order (services, Kafka,
	 * Postgres), before the JVM starts exiting: zonky stops Postgres in a shutdown hook
	 * of its own, which would race a stop that ran in ours. The shutdown hooks still
	 * cover every other way the JVM ends, such as Ctrl-C while the stack is still
	 * starting. The handler only stops the stack; the main thread, which wakes when the
	 * stack is closed, prints the farewell and exits with 128 + the signal's number (were
	 * the handler to exit, the main thread could end the JVM with 0 first).
	 * @return the number of the signal that stopped the stack, 0 while none has
	 */
	private static AtomicInteger stopOnSignals(LocalStack stack) {
		var stoppedBy = new AtomicInteger();
		for (String name : List.of("INT", "TERM", "HUP")) {
			try {
				Signal.handle(new Signal(name), (signal) -> {
					if (!stoppedBy.compareAndSet(0, signal.getNumber())) {
						System.out.println("Still stopping: each service gets up to 20 s to finish its work");
						return;
					}
					stack.close();
				});
			}
			catch (IllegalArgumentException ex) {
				// the signal is ignored (e.g. a background job) or reserved: the shutdown
				// hook remains
			}
		}
		return stoppedBy;
	}

	private String farewell(LocalStack stack) {
		StackOptions options = stack.options();
		if (!options.infrastructure().persistent()) {
			return "Stopped everything.";
		}
		Path data = options.paths().dataDirectory();
		Path shown = data.startsWith(this.workingDirectory) ? this.workingDirectory.relativize(data) : data;
		return "Stopped everything. The Postgres and Kafka data stay in " + shown.resolve("postgres") + " and "
				+ shown.resolve("kafka") + " (--reset wipes them).";
	}

	private static String describe(Throwable failure) {
		var text = new StringBuilder(String.valueOf(failure.getMessage()));
		for (Throwable cause = failure.getCause(); cause != null; cause = cause.getCause()) {
			text.append("\n  caused by: ").append(cause);
		}
		return text.toString();
	}

}
