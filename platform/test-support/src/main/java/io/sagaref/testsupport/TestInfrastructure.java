package io.sagaref.testsupport;

import java.sql.DriverManager;
import java.util.Locale;

import io.sagaref.embedded.EmbeddedKafkaServer;
import io.sagaref.embedded.EmbeddedPostgresServer;
import io.sagaref.embedded.ServiceDatabase;
import io.sagaref.embedded.ServiceSchemas;
import org.jspecify.annotations.Nullable;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Real Postgres and Kafka, started once per test JVM and shared by every test in it. With
 * a Docker engine they run in Testcontainers; without one (as on the project's build
 * machines) as embedded real servers: zonky's Postgres binaries and spring-kafka-test's
 * KRaft broker. Choose explicitly with
 * {@code -Dsaga.test.infrastructure=containers|embedded} (default {@code auto}). No test
 * is ever skipped for lack of Docker. Embedded Postgres runs without fsync for speed;
 * {@code -Dsaga.test.durable=true} turns it on, for benchmarks that must measure durable
 * commits.
 */
public final class TestInfrastructure {

	private static @Nullable String jdbcUrl;

	private static @Nullable String bootstrapServers;

	private TestInfrastructure() {
	}

	/**
	 * @return containers or embedded, as chosen by property or by the presence of Docker
	 */
	public static String mode() {
		String chosen = System.getProperty("saga.test.infrastructure",
				System.getenv().getOrDefault("SAGA_TEST_INFRASTRUCTURE", "auto"));
		chosen = chosen.toLowerCase(Locale.ROOT);
		if (chosen.equals("auto")) {
			return DockerClientFactory.instance().isDockerAvailable() ? "containers" : "embedded";
		}
		if (!chosen.equals("containers") && !chosen.equals("embedded")) {
			throw new IllegalArgumentException("saga.test.infrastructure must be auto, containers or embedded");
		}
		return chosen;
	}

	/**
	 * @return the JDBC URL of the saga database, starting Postgres on first use
	 */
	public static synchronized String jdbcUrl() {
		if (jdbcUrl == null) {
			jdbcUrl = mode().equals("containers") ? startPostgresContainer()
					: EmbeddedPostgresServer.start(null, 0, Boolean.getBoolean("saga.test.durable")).jdbcUrl();
		}
		return jdbcUrl;
	}

	/**
	 * @return Kafka's bootstrap servers, starting the broker on first use
	 */
	public static synchronized String bootstrapServers() {
		if (bootstrapServers == null) {
			if (mode().equals("containers")) {
				var kafka = new KafkaContainer("apache/kafka:4.1.0");
				kafka.start();
				bootstrapServers = kafka.getBootstrapServers();
			}
			else {
				bootstrapServers = EmbeddedKafkaServer.start(4).bootstrapServers();
			}
		}
		return bootstrapServers;
	}

	/**
	 * Points a service under test at the shared infrastructure, connected as its own
	 * role.
	 * @param registry the test's property registry
	 * @param service the service's role and schema
	 */
	public static void register(DynamicPropertyRegistry registry, ServiceDatabase service) {
		registry.add("spring.datasource.url", TestInfrastructure::jdbcUrl);
		registry.add("spring.datasource.username", service::role);
		registry.add("spring.datasource.password", service::password);
		registry.add("spring.kafka.bootstrap-servers", TestInfrastructure::bootstrapServers);
	}

	private static String startPostgresContainer() {
		var postgres = new PostgreSQLContainer("postgres:17-alpine").withDatabaseName("postgres");
		postgres.start();
		String admin = postgres.getJdbcUrl();
		String saga = admin.replaceFirst("/postgres(\\?|$)", "/" + ServiceDatabase.DATABASE + "$1");
		try (var connection = DriverManager.getConnection(admin, postgres.getUsername(), postgres.getPassword())) {
			ServiceSchemas.create(connection,
					() -> DriverManager.getConnection(saga, postgres.getUsername(), postgres.getPassword()));
		}
		catch (Exception ex) {
			throw new IllegalStateException("Could not prepare the Postgres container", ex);
		}
		return saga;
	}

}
