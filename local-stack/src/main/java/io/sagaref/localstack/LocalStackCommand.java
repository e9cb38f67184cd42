package io.sagaref.localstack;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import sun.misc.Signal;

/**
 * The {@code ./run-local} command: parses the options, starts the stack, prints the ready
 * banner and keeps running until Ctrl-C, when the shutdown hook stops everything.
 */
final class LocalStackCommand {

	private LocalStackCommand() {
	}

	static void run(String[] args) {
		quietLogging();
		Path workingDirectory = Path.of("").toAbsolutePath();
		CliArguments arguments;
		try {
			arguments = CliArguments.parse(args, workingDirectory);
		}
		catch (IllegalArgumentException ex) {
			System.err.println(ex.getMessage());
			System.err.println();
			System.err.print(CliArguments.USAGE);
			System.exit(2);
			return;
		}
		if (arguments.help()) {
			System.out.print(CliArguments.USAGE);
			return;
		}
		LocalStack stack;
		try {
			stack = LocalStack.start(arguments.options());
		}
		catch (RuntimeException ex) {
			System.err.println();
			System.err.println("The local stack did not start: " + describe(ex));
			System.exit(1);
			return;
		}
		stopOnSignals(stack, farewell(stack, workingDirectory));
		System.out.println(ReadyBanner.text(stack, workingDirectory));
		try {
			stack.awaitClosed();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * Ctrl-C (SIGINT), SIGTERM and SIGHUP stop the stack, in order (services, Kafka,
	 * Postgres), before the JVM starts exiting: zonky stops Postgres in a shutdown hook
	 * of its own, which would race a stop that ran in ours. The shutdown hooks still
	 * cover every other way the JVM ends, such as Ctrl-C while the stack is still
	 * starting.
	 */
	private static void stopOnSignals(LocalStack stack, String farewell) {
		var stopping = new AtomicBoolean();
		for (String name : List.of("INT", "TERM", "HUP")) {
			try {
				Signal.handle(new Signal(name), (signal) -> {
					if (!stopping.compareAndSet(false, true)) {
						System.out.println("Still stopping: each service gets up to 20 s to finish its work");
						return;
					}
					stack.close();
					System.out.println(farewell);
					System.exit(128 + signal.getNumber());
				});
			}
			catch (IllegalArgumentException ex) {
				// the signal is ignored (e.g. a background job) or reserved: the shutdown
				// hook remains
			}
		}
	}

	private static String farewell(LocalStack stack, Path workingDirectory) {
		StackOptions options = stack.options();
		if (!options.persistentDatabase()) {
			return "Stopped everything.";
		}
		Path data = options.dataDirectory();
		Path shown = data.startsWith(workingDirectory) ? workingDirectory.relativize(data) : data;
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

	/**
	 * The launcher's own progress at INFO, the embedded servers' chatter only at WARN
	 * (slf4j-simple reads these properties once, before the first logger).
	 */
	private static void quietLogging() {
		defaultProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
		defaultProperty("org.slf4j.simpleLogger.log.io.sagaref.localstack", "info");
		defaultProperty("org.slf4j.simpleLogger.log.org.apache.kafka", "error");
		defaultProperty("org.slf4j.simpleLogger.log.kafka", "error");
		defaultProperty("org.slf4j.simpleLogger.showDateTime", "true");
		defaultProperty("org.slf4j.simpleLogger.dateTimeFormat", "HH:mm:ss.SSS");
		defaultProperty("org.slf4j.simpleLogger.showThreadName", "false");
		defaultProperty("org.slf4j.simpleLogger.showShortLogName", "false");
		defaultProperty("org.slf4j.simpleLogger.showLogName", "false");
		defaultProperty("org.slf4j.simpleLogger.logFile", "System.out");
	}

	private static void defaultProperty(String key, String value) {
		if (System.getProperty(key) == null) {
			System.setProperty(key, value);
		}
	}

}
