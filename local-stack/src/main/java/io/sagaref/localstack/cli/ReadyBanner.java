package io.sagaref.localstack.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import io.sagaref.localstack.LocalStack;
import io.sagaref.localstack.SagaService;
import io.sagaref.localstack.ServiceProcess;
import io.sagaref.localstack.StackOptions;
import org.jspecify.annotations.Nullable;

/**
 * What the launcher prints once everything is healthy: where each part runs, a first
 * request to try, and what survives a restart.
 *
 * @param startupTime how long the start took
 * @param services each running service and its URL, by port
 * @param jdbcUrl Postgres
 * @param bootstrapServers Kafka
 * @param keptData where Postgres and Kafka keep their data, or null if it is thrown away
 * @param logs where the logs are
 */
record ReadyBanner(Duration startupTime, List<Line> services, String jdbcUrl, String bootstrapServers,
		@Nullable Path keptData, Path logs) {

	private static final String RULE = "-".repeat(100);

	/**
	 * @param name a service's name
	 * @param url where it answers
	 */
	record Line(String name, String url) {
	}

	/**
	 * @param stack the running stack
	 * @param workingDirectory paths under it are shown relative to it
	 * @return the banner of that stack
	 */
	static ReadyBanner of(LocalStack stack, Path workingDirectory) {
		StackOptions options = stack.options();
		List<Line> services = options.services()
			.names()
			.stream()
			.map(stack::service)
			.sorted(Comparator.comparingInt(ServiceProcess::port))
			.map((service) -> new Line(service.name(), service.url()))
			.toList();
		Path data = shown(options.paths().dataDirectory(), workingDirectory);
		return new ReadyBanner(stack.startupTime(), services, stack.postgres().jdbcUrl(),
				stack.kafka().bootstrapServers(), options.infrastructure().persistent() ? data : null,
				data.resolve("logs"));
	}

	String text() {
		var text = new StringBuilder(RULE).append('\n');
		text.append(String.format(Locale.ROOT, " Saga reference system is up (started in %.1f s)%n%n",
				this.startupTime.toMillis() / 1000.0));
		String gateway = null;
		for (Line service : this.services) {
			boolean isGateway = service.name().equals(SagaService.GATEWAY.serviceName());
			gateway = isGateway ? service.url() : gateway;
			text.append(line(service.name(), service.url() + (isGateway ? "   <- the public entry" : "")));
		}
		text.append(line("postgres", this.jdbcUrl + kept("postgres")));
		text.append(line("kafka", this.bootstrapServers + kept("kafka")));
		text.append(line("logs", this.logs + "/<service>.log and kafka.log"));
		if (gateway != null) {
			text.append("\n Try:\n   curl -i -X POST ")
				.append(gateway)
				.append("/api/customers -H 'Content-Type: application/json'")
				.append(" -d '{\"name\":\"Ada\",\"initialBalance\":100.00}'\n");
		}
		text.append((this.keptData != null) ? """

				 Postgres and Kafka keep their data across restarts (--reset wipes both): events sent but not
				 yet consumed when the stack stopped are delivered after the next start. Press Ctrl-C to stop
				 everything.
				""" : """

				 Nothing is kept: Postgres and Kafka run on throwaway data. Press Ctrl-C to stop everything.
				""");
		return text.append(RULE).toString();
	}

	private String kept(String server) {
		return (this.keptData != null) ? "   (data kept in " + this.keptData.resolve(server) + "; --reset wipes it)"
				: "   (throwaway data)";
	}

	private static String line(String what, String where) {
		return String.format(Locale.ROOT, "   %-21s %s%n", what, where);
	}

	private static Path shown(Path path, Path workingDirectory) {
		Path base = workingDirectory.toAbsolutePath().normalize();
		return path.startsWith(base) && !path.equals(base) ? base.relativize(path) : path;
	}

}
