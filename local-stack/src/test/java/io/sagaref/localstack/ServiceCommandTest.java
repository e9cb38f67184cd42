package io.sagaref.localstack;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How each service is wired to the stack on its command line.
 */
class ServiceCommandTest {

	private static final String JDBC = "jdbc:postgresql://localhost:15432/saga";

	private static final Path JAR = Path.of("/repo/order-service/target/order-service-0.1.0-SNAPSHOT-exec.jar");

	private static final StackOptions OPTIONS = StackOptions.defaults(Path.of("/repo"));

	private static final ServiceOptions SERVICES = OPTIONS.services();

	private static Map<SagaService, Integer> ports() {
		var ports = new EnumMap<SagaService, Integer>(SagaService.class);
		for (SagaService service : SagaService.values()) {
			ports.put(service, service.defaultPort(8080));
		}
		return ports;
	}

	@Test
	void aServiceGetsItsPortItsOwnDatabaseRoleAndTheBroker() {
		List<String> command = ServiceCommand.of(SagaService.ORDER, JAR, ports(), JDBC, "localhost:9999", SERVICES)
			.toList();
		assertThat(command.get(0)).endsWith("/bin/java");
		assertThat(command.subList(1, 10)).containsExactly("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
				"-XX:SharedArchiveFile=" + JAR + ".jsa", "-XX:+AutoCreateSharedArchive", "-Xlog:cds=off",
				"-Xlog:cds+dynamic=off", "-jar", JAR.toString());
		assertThat(command.subList(10, command.size())).containsExactly("--server.port=8081",
				"--spring.datasource.url=" + JDBC, "--spring.datasource.username=order_service",
				"--spring.datasource.password=order_service", "--spring.kafka.bootstrap-servers=localhost:9999");
	}

	@Test
	void theGatewayIsToldWhereEveryBackendRunsAndGetsNoDatabase() {
		List<String> command = ServiceCommand.of(SagaService.GATEWAY, JAR, ports(), JDBC, "localhost:9999", SERVICES)
			.toList();
		assertThat(command).contains("--server.port=8080", "--saga.gateway.order-service=http://localhost:8081",
				"--saga.gateway.payment-service=http://localhost:8082",
				"--saga.gateway.inventory-service=http://localhost:8083",
				"--saga.gateway.order-query-service=http://localhost:8084",
				"--saga.gateway.legacy-monolith=http://localhost:8086",
				"--saga.gateway.notification-service=http://localhost:8085");
		assertThat(command).noneMatch((argument) -> argument.startsWith("--spring.datasource"));
	}

	@Test
	void notificationServiceMayDeliverToWebhooksOnThisMachine() {
		List<String> command = ServiceCommand
			.of(SagaService.NOTIFICATION, JAR, ports(), JDBC, "localhost:9999", SERVICES)
			.toList();
		assertThat(command).contains("--server.port=8085", "--spring.datasource.username=notification_service",
				"--saga.notifications.allow-loopback=true");
	}

	@Test
	void extraAndPerServicePropertiesOverrideTheLaunchersOwnOnce() {
		var options = OPTIONS.withProperty("spring.kafka.producer.properties.linger.ms", "5")
			.withProperty("spring.datasource.hikari.maximum-pool-size", "4")
			.withServiceProperty("payment-service", "spring.datasource.hikari.maximum-pool-size", "8")
			.withServiceProperty("payment-service", "spring.kafka.bootstrap-servers", "elsewhere:9092");
		List<String> command = ServiceCommand
			.of(SagaService.PAYMENT, JAR, ports(), JDBC, "localhost:9999", options.services())
			.toList();
		assertThat(command).contains("--spring.kafka.producer.properties.linger.ms=5",
				"--spring.datasource.hikari.maximum-pool-size=8", "--spring.kafka.bootstrap-servers=elsewhere:9092");
		assertThat(command).filteredOn((argument) -> argument.startsWith("--spring.kafka.bootstrap-servers="))
			.hasSize(1);
		assertThat(command).filteredOn((argument) -> argument.startsWith("--spring.datasource.hikari")).hasSize(1);
	}

	@Test
	void classDataSharingConfiguredByHandIsLeftAlone() {
		assertThat(ServiceCommand.withClassDataSharing(List.of("-Xshare:off"), JAR)).containsExactly("-Xshare:off");
	}

}
