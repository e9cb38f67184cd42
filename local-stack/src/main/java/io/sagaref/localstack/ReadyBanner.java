package io.sagaref.localstack;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;

/**
 * What the launcher prints once everything is healthy: where each part runs, a first
 * request to try, and what survives a restart.
 */
final class ReadyBanner {

	private static final String RULE = "-".repeat(100);

	private ReadyBanner() {
	}

	/**
	 * @param stack the running stack
	 * @param workingDirectory paths under it are shown relative to it
	 * @return the banner
	 */
	static String text(LocalStack stack, Path workingDirectory) {
		StackOptions options = stack.options();
		var text = new StringBuilder(RULE).append('\n');
		text.append(String.format(Locale.ROOT, " Saga reference system is up (started in %.1f s)%n%n",
				stack.startupTime().toMillis() / 1000.0));
		var byPort = options.services()
			.stream()
			.sorted(Comparator.comparing((String service) -> stack.ports().get(SagaService.named(service))))
			.toList();
		for (String service : byPort) {
			String note = service.equals(SagaService.GATEWAY.serviceName()) ? "   <- the public entry" : "";
			text.append(line(service, stack.serviceUrl(service) + note));
		}
		Path data = shown(options.dataDirectory(), workingDirectory);
		text.append(line("postgres", stack.jdbcUrl() + (options.persistentDatabase()
				? "   (data kept in " + data.resolve("postgres") + "; --reset wipes it)" : "   (throwaway data)")));
		text.append(line("kafka", stack.bootstrapServers() + (options.persistentDatabase()
				? "   (data kept in " + data.resolve("kafka") + "; --reset wipes it)" : "   (throwaway data)")));
		text.append(line("logs", data.resolve("logs") + "/<service>.log and kafka.log"));
		if (options.services().contains(SagaService.GATEWAY.serviceName())) {
			text.append("\n Try:\n   curl -i -X POST ")
				.append(stack.gatewayUrl())
				.append("/api/customers -H 'Content-Type: application/json'")
				.append(" -d '{\"name\":\"Ada\",\"initialBalance\":100.00}'\n");
		}
		text.append(options.persistentDatabase() ? """

				 Postgres and Kafka keep their data across restarts (--reset wipes both): events sent but not
				 yet consumed when the stack stopped are delivered after the next start. Press Ctrl-C to stop
				 everything.
				""" : """

				 Nothing is kept: Postgres and Kafka run on throwaway data. Press Ctrl-C to stop everything.
				""");
		return text.append(RULE).toString();
	}

	private static String line(String what, String where) {
		return String.format(Locale.ROOT, "   %-21s %s%n", what, where);
	}

	private static Path shown(Path path, Path workingDirectory) {
		Path base = workingDirectory.toAbsolutePath().normalize();
		return path.startsWith(base) && !path.equals(base) ? base.relativize(path) : path;
	}

}
