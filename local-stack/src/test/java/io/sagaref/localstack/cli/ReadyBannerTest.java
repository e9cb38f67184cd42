package io.sagaref.localstack.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.sagaref.localstack.cli.ReadyBanner.Line;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the launcher prints once everything is up: where each part runs, a first request,
 * and what survives a restart.
 */
class ReadyBannerTest {

	private static final List<Line> SERVICES = List.of(new Line("api-gateway", "http://localhost:8080"),
			new Line("order-service", "http://localhost:8081"),
			new Line("order-query-service", "http://localhost:8084"));

	private static ReadyBanner banner(List<Line> services, Path keptData) {
		return new ReadyBanner(Duration.ofMillis(28_345), services, "jdbc:postgresql://localhost:15432/saga",
				"localhost:19092", keptData, Path.of(".local-stack/logs"));
	}

	@Test
	void showsWhereEverythingRunsAndAFirstRequest() {
		String text = banner(SERVICES, Path.of(".local-stack")).text();
		assertThat(text).contains(" Saga reference system is up (started in 28.3 s)",
				"   api-gateway           http://localhost:8080   <- the public entry",
				"   order-query-service   http://localhost:8084\n",
				"   postgres              jdbc:postgresql://localhost:15432/saga",
				"   kafka                 localhost:19092",
				"   logs                  .local-stack/logs/<service>.log and kafka.log",
				"curl -i -X POST http://localhost:8080/api/customers", "Ctrl-C");
		assertThat(text.indexOf("api-gateway")).isLessThan(text.indexOf("order-service"));
		assertThat(text).startsWith("-".repeat(100)).endsWith("-".repeat(100));
	}

	@Test
	void saysWhereKeptDataLivesAndHowToWipeIt() {
		String text = banner(SERVICES, Path.of(".local-stack")).text();
		assertThat(text)
			.contains("(data kept in .local-stack/postgres; --reset wipes it)",
					"(data kept in .local-stack/kafka; --reset wipes it)", "keep their data across restarts")
			.doesNotContain("throwaway");
	}

	@Test
	void saysWhenNothingIsKept() {
		String text = banner(SERVICES, null).text();
		assertThat(text).contains("(throwaway data)", "Nothing is kept").doesNotContain("--reset wipes it");
	}

	@Test
	void offersNoRequestWithoutAGateway() {
		String text = banner(List.of(new Line("order-service", "http://localhost:8081")), null).text();
		assertThat(text).contains("order-service").doesNotContain("curl", "public entry");
	}

}
