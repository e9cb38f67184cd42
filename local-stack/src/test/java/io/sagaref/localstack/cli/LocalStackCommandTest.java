package io.sagaref.localstack.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.sagaref.localstack.StackOptions;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The launcher's command line: defaults a developer can rely on, and a clear message for
 * every mistake.
 */
class LocalStackCommandTest {

	private static final Path CWD = Path.of("/work/repo");

	private static StackOptions parse(String... args) {
		var command = new LocalStackCommand(CWD);
		new CommandLine(command).parseArgs(args);
		return command.options();
	}

	/**
	 * Runs the command as {@code main} does, without starting anything: only help and
	 * mistakes are run.
	 */
	private static Run execute(String... args) {
		var out = new StringWriter();
		var err = new StringWriter();
		int code = new CommandLine(new LocalStackCommand(CWD)).setOut(new PrintWriter(out))
			.setErr(new PrintWriter(err))
			.execute(args);
		return new Run(code, out.toString(), err.toString());
	}

	private record Run(int code, String out, String err) {
	}

	@Test
	void withoutArgumentsRunsEveryServiceDurablyOnTheDocumentedPorts() {
		assertThat(parse()).isEqualTo(StackOptions.defaults(CWD));
	}

	@Test
	void readsEveryOptionInBothSpellings() {
		StackOptions options = parse("--reset", "--no-fsync", "--postgres-port", "5433", "--kafka-port=9093",
				"--base-port=9080", "--jvm-opts", " -Xmx512m  -XX:+UseG1GC ", "--kafka-partitions=8", "--timeout", "30",
				"--data-dir", "tmp/stack", "--repo=../other", "--random-ports");
		assertThat(options.infrastructure().reset()).isTrue();
		assertThat(options.infrastructure().durable()).isFalse();
		assertThat(options.infrastructure().persistent()).isTrue();
		assertThat(options.infrastructure().kafkaPartitions()).isEqualTo(8);
		assertThat(options.ports().random()).isTrue();
		assertThat(options.ports().postgresPort()).isEqualTo(5433);
		assertThat(options.ports().kafkaPort()).isEqualTo(9093);
		assertThat(options.ports().basePort()).isEqualTo(9080);
		assertThat(options.services().jvmOptions()).containsExactly("-Xmx512m", "-XX:+UseG1GC");
		assertThat(options.services().startupTimeout()).isEqualTo(Duration.ofSeconds(30));
		assertThat(options.paths().dataDirectory()).isEqualTo(Path.of("/work/repo/tmp/stack"));
		assertThat(options.paths().repoRoot()).isEqualTo(Path.of("/work/other"));
		assertThat(options.proxied()).isFalse();
	}

	@Test
	void theDataStaysInTheRepositoryItRuns() {
		assertThat(parse("--repo", "/elsewhere").paths().dataDirectory()).isEqualTo(Path.of("/elsewhere/.local-stack"));
		assertThat(parse("--data-dir", "/data").paths().dataDirectory()).isEqualTo(Path.of("/data"));
	}

	@Test
	void setsPropertiesForEveryServiceOrForOne() {
		var properties = parse("--set", "saga.messaging.batch-size=100", "--set",
				"order-service:saga.order.deadline=30s", "--set=logging.level.root=WARN", "--set",
				"order-service:saga.order.url=http://x?a=b")
			.services()
			.properties();
		assertThat(properties.everyService())
			.isEqualTo(Map.of("saga.messaging.batch-size", "100", "logging.level.root", "WARN"));
		assertThat(properties.of("order-service")).containsEntry("saga.order.deadline", "30s")
			.containsEntry("saga.order.url", "http://x?a=b")
			.containsEntry("logging.level.root", "WARN");
		assertThat(properties.of("payment-service")).doesNotContainKey("saga.order.deadline");
	}

	@Test
	void runsOnlyTheNamedServicesInStartOrder() {
		assertThat(parse("--only", "api-gateway, order-service").services().names()).containsExactly("order-service",
				"api-gateway");
		assertThat(parse("--only", "").services().names()).isEmpty();
		assertThat(parse("--only=").services().names()).isEmpty();
	}

	@Test
	void helpNeedsNothingElseAndNamesEveryOption() {
		Run help = execute("--reset", "-h");
		assertThat(help.code()).isZero();
		assertThat(help.out()).startsWith("Usage: ./run-local [options]")
			.contains("--reset", "--data-dir=DIR", "--postgres-port=N", "--kafka-port=N", "--base-port=N",
					"--random-ports", "--no-fsync", "--jvm-opts=\"OPTS\"", "--kafka-partitions=N", "--timeout=SECONDS",
					"--only=NAME[,NAME...]", "--set=[SERVICE:]KEY=VALUE", "--repo=DIR", "-h, --help", "--no-build")
			.contains("(default 15432)", "(default 19092;", "(default 8080)", "(default 4)", "(default 120)",
					"(default \"-Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1\")");
		assertThat(help.out().lines()).allSatisfy((line) -> assertThat(line).hasSizeLessThan(120));
		assertThat(execute("--help").out()).isEqualTo(help.out());
	}

	@Test
	void aMistakeExitsWithTwoTheMessageAndTheUsage() {
		Run unknown = execute("--rest");
		assertThat(unknown.code()).isEqualTo(2);
		assertThat(unknown.err()).contains("Unknown option: '--rest'", "Possible solutions: --reset");
		Run invalid = execute("--timeout", "0");
		assertThat(invalid.code()).as("checked before anything starts").isEqualTo(2);
		assertThat(invalid.err()).contains("startup timeout must be positive", "Usage: ./run-local [options]");
	}

	@Test
	void rejectsMistakesWithAMessageThatNamesThem() {
		assertThatThrownBy(() -> parse("--base-port")).isInstanceOf(ParameterException.class)
			.hasMessageContaining("--base-port");
		assertThatThrownBy(() -> parse("--base-port", "eighty")).isInstanceOf(ParameterException.class)
			.hasMessageContaining("'eighty'");
		assertThatThrownBy(() -> parse("--postgres-port", "70000")).hasMessageContaining("between 1 and 65535");
		assertThatThrownBy(() -> parse("--set", "novalue")).hasMessageContaining("KEY=VALUE");
		assertThatThrownBy(() -> parse("--set", "=value")).hasMessageContaining("KEY=VALUE");
		assertThatThrownBy(() -> parse("--set", "billing-service:a=b"))
			.hasMessageContaining("Unknown service 'billing-service'")
			.hasMessageContaining("order-service");
		assertThatThrownBy(() -> parse("--only", "order-service,shipping"))
			.hasMessageContaining("Unknown service 'shipping'");
		assertThatThrownBy(() -> parse("--set", "server.port=1")).hasMessageContaining("server.port");
		assertThatThrownBy(() -> parse("--kafka-partitions", "0")).hasMessageContaining("at least 1");
		assertThatThrownBy(() -> parse("--timeout", "0")).hasMessageContaining("positive");
		assertThat(List.of("--rest", "--base-port")).allSatisfy((arg) -> assertThat(execute(arg).code()).isEqualTo(2));
	}

}
