package io.sagaref.localstack;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.Map;

import io.sagaref.embedded.ServiceDatabase;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The launcher's real path: embedded Postgres and Kafka, and five service processes (a
 * small stand-in jar for each, see {@link FakeService}) wired to them, killed, restarted
 * and stopped.
 */
class LocalStackTest {

	private static final HttpClient http = HttpClient.newHttpClient();

	@TempDir
	static Path repo;

	private static LocalStack stack;

	@BeforeAll
	static void start() throws IOException {
		FakeServiceJars.repository(repo, "inventory-service", "payment-service", "order-service", "order-query-service",
				"api-gateway");
		stack = LocalStack.start(StackOptions.forTests(repo)
			.withProperty("saga.demo", "on")
			.withServiceProperty("order-service", "saga.order.deadline", "5s"));
	}

	@AfterAll
	static void stop() {
		stack.close();
	}

	static String get(String url) throws IOException, InterruptedException {
		var response = http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		return response.body();
	}

	@Test
	void everyServiceRunsAsItsOwnHealthyProcessOnItsOwnPort() throws Exception {
		var urls = StackOptions.allServices().stream().map(stack::serviceUrl).toList();
		assertThat(urls).doesNotHaveDuplicates().allMatch((url) -> url.startsWith("http://localhost:"));
		for (String url : urls) {
			assertThat(get(url + "/actuator/health")).isEqualTo("{\"status\":\"UP\"}");
		}
		assertThat(stack.gatewayUrl()).isEqualTo(stack.serviceUrl("api-gateway"));
		assertThat(stack.startupTime()).isPositive();
	}

	@Test
	void eachServiceIsWiredToTheStacksPostgresAndKafkaWithItsProperties() throws Exception {
		assertThat(get(stack.serviceUrl("order-service") + "/args").lines()).contains(
				"--spring.datasource.url=" + stack.jdbcUrl(), "--spring.datasource.username=order_service",
				"--spring.kafka.bootstrap-servers=" + stack.bootstrapServers(), "--saga.demo=on",
				"--saga.order.deadline=5s");
		assertThat(get(stack.serviceUrl("payment-service") + "/args").lines())
			.contains("--spring.datasource.username=payment_service", "--saga.demo=on")
			.noneMatch((argument) -> argument.startsWith("--saga.order.deadline"));
	}

	@Test
	void theGatewayIsToldWhereEveryBackendRuns() throws Exception {
		assertThat(get(stack.gatewayUrl() + "/args").lines()).contains(
				"--saga.gateway.order-service=" + stack.serviceUrl("order-service"),
				"--saga.gateway.payment-service=" + stack.serviceUrl("payment-service"),
				"--saga.gateway.inventory-service=" + stack.serviceUrl("inventory-service"),
				"--saga.gateway.order-query-service=" + stack.serviceUrl("order-query-service"));
	}

	@Test
	void postgresAndKafkaAreRealServers() throws Exception {
		var orders = ServiceDatabase.ORDERS;
		try (var connection = DriverManager.getConnection(stack.jdbcUrl(), orders.role(), orders.password());
				var result = connection.createStatement().executeQuery("select current_schema()")) {
			result.next();
			assertThat(result.getString(1)).isEqualTo("orders");
		}
		try (var admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()))) {
			assertThat(admin.describeCluster().nodes().get()).hasSize(1);
		}
	}

	@Test
	void aKilledServiceComesBackOnTheSamePortWhenRestarted() throws Exception {
		String url = stack.serviceUrl("payment-service");
		stack.kill("payment-service");
		assertThat(stack.isRunning("payment-service")).isFalse();
		assertThatThrownBy(() -> get(url + "/actuator/health")).isInstanceOf(ConnectException.class);
		stack.restart("payment-service");
		assertThat(stack.isRunning("payment-service")).isTrue();
		assertThat(stack.serviceUrl("payment-service")).isEqualTo(url);
		assertThat(get(url + "/actuator/health")).contains("UP");
		assertThat(Files.readString(stack.logFile("payment-service")))
			.containsOnlyOnce("fake service listening on " + url.substring(url.lastIndexOf(':') + 1) + "\n=== ")
			.contains("starting payment-service: ");
	}

	@Test
	void withoutProxiesTheServicesUseTheServersDirectlyAndLinksCannotBeBroken() {
		assertThat(stack.servicesJdbcUrl()).isEqualTo(stack.jdbcUrl());
		assertThat(stack.servicesBootstrapServers()).isEqualTo(stack.bootstrapServers());
		assertThatThrownBy(stack::freezeKafkaLink).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("withProxies(true)");
		assertThatThrownBy(() -> stack.slowDatabaseLink(Duration.ofMillis(10)))
			.isInstanceOf(IllegalStateException.class);
	}

	@Test
	void namesAreCheckedAgainstTheServicesOfTheStack() {
		assertThatThrownBy(() -> stack.serviceUrl("billing-service")).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("Unknown service 'billing-service'");
		assertThatThrownBy(() -> stack.kill("postgres")).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> stack.isRunning("payment-service#9")).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("payment-service#9 has not been started");
	}

	@Test
	void theReadyBannerShowsWhereEverythingIsAndAFirstRequest() {
		String banner = ReadyBanner.text(stack, repo);
		assertThat(banner).contains(stack.gatewayUrl() + "   <- the public entry", "order-query-service",
				stack.serviceUrl("order-query-service"), stack.jdbcUrl(), stack.bootstrapServers(),
				"curl -i -X POST " + stack.gatewayUrl() + "/api/customers", "Nothing is kept", "Ctrl-C");
		assertThat(banner).contains("(throwaway data)").doesNotContain("--reset wipes it");
	}

}
