package io.sagaref.localstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The launcher's command line: defaults a developer can rely on, and a clear message for
 * every mistake.
 */
class CliArgumentsTest {

	private static final Path CWD = Path.of("/work/repo");

	private static StackOptions parse(String... args) {
		CliArguments arguments = CliArguments.parse(args, CWD);
		assertThat(arguments.help()).isFalse();
		return arguments.options();
	}

	@Test
	void withoutArgumentsRunsEveryServiceDurablyOnTheDocumentedPorts() {
		StackOptions options = parse();
		assertThat(options.repoRoot()).isEqualTo(CWD);
		assertThat(options.dataDirectory()).isEqualTo(CWD.resolve(".local-stack"));
		assertThat(options.durable()).isTrue();
		assertThat(options.persistentDatabase()).isTrue();
		assertThat(options.reset()).isFalse();
		assertThat(options.randomPorts()).isFalse();
		assertThat(options.postgresPort()).isEqualTo(15432);
		assertThat(options.kafkaPort()).isEqualTo(19092);
		assertThat(options.proxied()).isFalse();
		assertThat(options.basePort()).isEqualTo(8080);
		assertThat(options.jvmOptions()).containsExactly("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");
		assertThat(options.startupTimeout()).isEqualTo(Duration.ofSeconds(120));
		assertThat(options.services()).containsExactly("inventory-service", "payment-service", "order-service",
				"order-query-service", "api-gateway");
	}

	@Test
	void readsEveryOptionInBothSpellings() {
		StackOptions options = parse("--reset", "--no-fsync", "--postgres-port", "5433", "--kafka-port=9093",
				"--base-port=9080", "--jvm-opts", " -Xmx512m  -XX:+UseG1GC ", "--kafka-partitions=8", "--timeout", "30",
				"--data-dir", "tmp/stack", "--repo=../other");
		assertThat(options.reset()).isTrue();
		assertThat(options.durable()).isFalse();
		assertThat(options.postgresPort()).isEqualTo(5433);
		assertThat(options.kafkaPort()).isEqualTo(9093);
		assertThat(options.basePort()).isEqualTo(9080);
		assertThat(options.jvmOptions()).containsExactly("-Xmx512m", "-XX:+UseG1GC");
		assertThat(options.kafkaPartitions()).isEqualTo(8);
		assertThat(options.startupTimeout()).isEqualTo(Duration.ofSeconds(30));
		assertThat(options.dataDirectory()).isEqualTo(Path.of("/work/repo/tmp/stack"));
		assertThat(options.repoRoot()).isEqualTo(Path.of("/work/other"));
	}

	@Test
	void setsPropertiesForEveryServiceOrForOne() {
		StackOptions options = parse("--set", "saga.messaging.batch-size=100", "--set",
				"order-service:saga.order.deadline=30s", "--set=logging.level.root=WARN", "--set",
				"order-service:saga.order.url=http://x?a=b");
		assertThat(options.extraProperties())
			.isEqualTo(Map.of("saga.messaging.batch-size", "100", "logging.level.root", "WARN"));
		assertThat(options.propertiesOf("order-service")).containsEntry("saga.order.deadline", "30s")
			.containsEntry("saga.order.url", "http://x?a=b")
			.containsEntry("logging.level.root", "WARN");
		assertThat(options.propertiesOf("payment-service")).doesNotContainKey("saga.order.deadline");
	}

	@Test
	void runsOnlyTheNamedServicesInStartOrder() {
		assertThat(parse("--only", "api-gateway, order-service").services()).containsExactly("order-service",
				"api-gateway");
		assertThat(parse("--only", "").services()).isEmpty();
	}

	@Test
	void randomPortsLeaveNothingFixed() {
		assertThat(parse("--random-ports").randomPorts()).isTrue();
	}

	@Test
	void helpNeedsNothingElse() {
		assertThat(CliArguments.parse(new String[] { "--reset", "-h" }, CWD).help()).isTrue();
		assertThat(CliArguments.USAGE).contains("--reset", "--base-port", "--set [SERVICE:]KEY=VALUE");
	}

	@Test
	void rejectsMistakesWithAMessageThatNamesThem() {
		assertThatThrownBy(() -> parse("--rest")).hasMessage("Unknown option: --rest");
		assertThatThrownBy(() -> parse("--base-port")).hasMessage("--base-port needs a value");
		assertThatThrownBy(() -> parse("--base-port", "eighty")).hasMessageContaining("whole number, not 'eighty'");
		assertThatThrownBy(() -> parse("--postgres-port", "70000")).hasMessageContaining("between 1 and 65535");
		assertThatThrownBy(() -> parse("--set", "novalue")).hasMessageContaining("KEY=VALUE");
		assertThatThrownBy(() -> parse("--set", "billing-service:a=b"))
			.hasMessageContaining("Unknown service 'billing-service'")
			.hasMessageContaining("order-service");
		assertThatThrownBy(() -> parse("--only", "order-service,shipping"))
			.hasMessageContaining("Unknown service 'shipping'");
		assertThatThrownBy(() -> parse("--set", "server.port=1")).hasMessageContaining("server.port");
		assertThatThrownBy(() -> parse("--kafka-partitions", "0")).hasMessageContaining("at least 1");
		assertThatThrownBy(() -> parse("--timeout", "0")).hasMessageContaining("positive");
		assertThat(List.of(CliArguments.USAGE.split("\n"))).allSatisfy((line) -> assertThat(line).hasSizeLessThan(120));
	}

}
