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
 * The launcher's real path: embedded Postgres and Kafka, and six service processes (a
 * small stand-in jar for each, see {@link FakeService}) wired to them, killed, restarted
 * and stopped through their handles.
 */
class LocalStackIT {

	private static final HttpClient http = HttpClient.newHttpClient();

	@TempDir
	static Path repo;

	private static LocalStack stack;

	@BeforeAll
	static void start() throws IOException {
		FakeServiceJars.repository(repo, "inventory-service", "payment-service", "order-service", "order-query-service",
				"notification-service", "api-gateway");
		FakeServiceJars.repository(repo, "legacy-monolith");
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

	private static String url(String service) {
		return stack.service(service).url();
	}

	@Test
	void everyServiceRunsAsItsOwnHealthyProcessOnItsOwnPort() throws Exception {
		var urls = SagaService.serviceNames().stream().map(LocalStackIT::url).toList();
		assertThat(urls).doesNotHaveDuplicates().allMatch((url) -> url.startsWith("http://localhost:"));
		for (String url : urls) {
			assertThat(get(url + "/actuator/health")).isEqualTo("{\"status\":\"UP\"}");
		}
		assertThat(stack.gatewayUrl()).isEqualTo(url("api-gateway"));
		assertThat(stack.service("order-service").name()).isEqualTo("order-service");
		assertThat(stack.service("order-service").service()).isEqualTo(SagaService.ORDER);
		assertThat(stack.instances("order-service")).containsExactly(stack.service("order-service"));
		assertThat(stack.startupTime()).isPositive();
	}

	@Test
	void eachServiceIsWiredToTheStacksPostgresAndKafkaWithItsProperties() throws Exception {
		assertThat(get(url("order-service") + "/args").lines()).contains(
				"--spring.datasource.url=" + stack.postgres().jdbcUrl(), "--spring.datasource.username=order_service",
				"--spring.kafka.bootstrap-servers=" + stack.kafka().bootstrapServers(), "--saga.demo=on",
				"--saga.order.deadline=5s");
		assertThat(get(url("payment-service") + "/args").lines())
			.contains("--spring.datasource.username=payment_service", "--saga.demo=on")
			.noneMatch((argument) -> argument.startsWith("--saga.order.deadline"));
	}

	@Test
	void theGatewayIsToldWhereEveryBackendRuns() throws Exception {
		assertThat(get(stack.gatewayUrl() + "/args").lines()).contains(
				"--saga.gateway.order-service=" + url("order-service"),
				"--saga.gateway.payment-service=" + url("payment-service"),
				"--saga.gateway.inventory-service=" + url("inventory-service"),
				"--saga.gateway.order-query-service=" + url("order-query-service"),
				"--saga.gateway.legacy-monolith=" + url("legacy-monolith"),
				"--saga.gateway.notification-service=" + url("notification-service"));
	}

	@Test
	void postgresAndKafkaAreRealServers() throws Exception {
		var orders = ServiceDatabase.ORDERS;
		try (var connection = DriverManager.getConnection(stack.postgres().jdbcUrl(), orders.role(), orders.password());
				var result = connection.createStatement().executeQuery("select current_schema()")) {
			result.next();
			assertThat(result.getString(1)).isEqualTo("orders");
		}
		try (var admin = Admin
			.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafka().bootstrapServers()))) {
			assertThat(admin.describeCluster().nodes().get()).hasSize(1);
		}
		assertThat(stack.postgres().isRunning()).isTrue();
		assertThat(stack.kafka().isRunning()).isTrue();
	}

	@Test
	void aKilledServiceComesBackOnTheSamePortWhenStartedAgain() throws Exception {
		ServiceProcess payments = stack.service("payment-service");
		String url = payments.url();
		payments.kill();
		assertThat(payments.isRunning()).isFalse();
		assertThatThrownBy(() -> get(url + "/actuator/health")).isInstanceOf(ConnectException.class);
		payments.start();
		assertThat(payments.isRunning()).isTrue();
		assertThatThrownBy(payments::start).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("already running");
		assertThat(stack.service("payment-service").url()).isEqualTo(url);
		assertThat(get(url + "/actuator/health")).contains("UP");
		assertThat(Files.readString(payments.logFile()))
			.containsOnlyOnce("fake service listening on " + payments.port() + "\n=== ")
			.contains("starting payment-service: ");
	}

	@Test
	void withoutProxiesTheServicesUseTheServersDirectlyAndLinksCannotBeBroken() {
		assertThat(stack.servicesJdbcUrl()).isEqualTo(stack.postgres().jdbcUrl());
		assertThat(stack.kafka().advertisedBootstrapServers()).isEqualTo(stack.kafka().bootstrapServers());
		assertThatThrownBy(stack::kafkaLink).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("withProxies()");
		assertThatThrownBy(() -> stack.databaseLink().slow(Duration.ofMillis(10)))
			.isInstanceOf(IllegalStateException.class);
	}

	@Test
	void namesAreCheckedAgainstTheServicesOfTheStack() {
		assertThatThrownBy(() -> stack.service("billing-service")).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("Unknown service 'billing-service'");
		assertThatThrownBy(() -> stack.service("postgres")).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> stack.service("payment-service#9")).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("payment-service#9 has not been started");
	}

}
