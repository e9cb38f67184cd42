package io.sagaref.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.stream.Stream;

import io.sagaref.embedded.ServiceDatabase;
import io.sagaref.localstack.faults.LinkProxies;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stack's Postgres and Kafka, started side by side (they do not need each other), and
 * optionally the {@link LinkProxies proxies} the services reach them through. Stopped
 * Kafka first.
 */
final class EmbeddedInfrastructure implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedInfrastructure.class);

	private final PostgresProcess postgres;

	private final KafkaProcess kafka;

	private final List<Path> throwaway;

	private volatile @Nullable LinkProxies proxies;

	private EmbeddedInfrastructure(PostgresProcess postgres, KafkaProcess kafka, List<Path> throwaway) {
		this.postgres = postgres;
		this.kafka = kafka;
		this.throwaway = throwaway;
	}

	/**
	 * Starts Postgres on this thread and Kafka (its own process) from another at the same
	 * time, then the proxies if the options ask for them.
	 * @param options the stack's options (data directory, reset, durability, ports,
	 * partitions, proxies)
	 * @return both servers, running
	 * @throws RuntimeException if either fails, after stopping the other
	 */
	static EmbeddedInfrastructure start(StackOptions options) {
		InfrastructureOptions data = options.infrastructure();
		var throwaway = new ArrayList<Path>();
		Path postgresData = dataDirectory(options, "postgres", throwaway);
		Path kafkaData = dataDirectory(options, "kafka", throwaway);
		// one call, so that all the free ports are distinct
		List<Integer> free = Ports.free(5);
		PortOptions ports = options.ports();
		int kafkaPort = ports.random() ? free.get(0) : ports.kafkaPort();
		int controllerPort = ports.random() ? free.get(1) : ports.kafkaPort() + 1;
		Path kafkaLog = options.paths().logs().resolve("kafka.log");
		var kafka = new KafkaProcess(options.proxied()
				? new KafkaSettings(kafkaData, kafkaLog, kafkaPort, controllerPort, free.get(2), free.get(3),
						data.kafkaPartitions())
				: KafkaSettings.of(kafkaData, kafkaLog, kafkaPort, controllerPort, data.kafkaPartitions()));
		var postgres = new PostgresProcess(postgresData, ports.random() ? 0 : ports.postgresPort(), data.durable());
		var infrastructure = new EmbeddedInfrastructure(postgres, kafka, throwaway);
		var kafkaStart = new FutureTask<>(kafka::start, kafka);
		new Thread(kafkaStart, "local-stack-kafka-start").start();
		RuntimeException failure = null;
		try {
			postgres.start();
		}
		catch (RuntimeException ex) {
			failure = ex;
		}
		try {
			kafkaStart.get();
		}
		catch (ExecutionException ex) {
			failure = (failure != null) ? failure : (ex.getCause() instanceof LocalStackException known) ? known
					: new LocalStackException("Kafka did not start", ex.getCause());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			failure = (failure != null) ? failure : new LocalStackException("Interrupted while Kafka started", ex);
		}
		if (failure == null && options.proxied()) {
			try {
				infrastructure.proxies = LinkProxies.open(free.get(4), postgres.port(), free.get(2), kafkaPort);
			}
			catch (IOException | RuntimeException ex) {
				failure = new LocalStackException("Could not open the proxies", ex);
			}
		}
		if (failure != null) {
			infrastructure.close();
			throw failure;
		}
		return infrastructure;
	}

	PostgresProcess postgres() {
		return this.postgres;
	}

	KafkaProcess kafka() {
		return this.kafka;
	}

	/**
	 * @return the proxies in front of Postgres and Kafka
	 * @throws IllegalStateException if the stack runs without proxies
	 */
	LinkProxies proxies() {
		LinkProxies open = this.proxies;
		if (open == null) {
			throw new IllegalStateException(
					"The stack runs without proxies: start it with StackOptions.withProxies() to break links");
		}
		return open;
	}

	/**
	 * @return the JDBC URL the services get (through the proxy, if any)
	 */
	String servicesJdbcUrl() {
		LinkProxies open = this.proxies;
		return (open != null) ? "jdbc:postgresql://localhost:" + open.database().port() + "/" + ServiceDatabase.DATABASE
				: this.postgres.jdbcUrl();
	}

	/**
	 * Lets bytes flow normally through both proxies again, if there are any.
	 */
	void restoreLinks() {
		LinkProxies open = this.proxies;
		if (open != null) {
			open.restore();
		}
	}

	/**
	 * Closes the proxies, stops Kafka, then Postgres, and deletes throwaway data.
	 */
	@Override
	public void close() {
		LinkProxies open = this.proxies;
		this.proxies = null;
		if (open != null) {
			open.close();
		}
		try {
			this.kafka.close();
		}
		catch (RuntimeException ex) {
			log.warn("Could not stop Kafka cleanly: {}", ex.toString());
		}
		this.postgres.close();
		this.throwaway.forEach(EmbeddedInfrastructure::deleteQuietly);
	}

	/**
	 * @return {@code <data directory>/<name>} if the data is kept (wiped first on reset),
	 * else a new temporary directory, deleted on close
	 */
	private static Path dataDirectory(StackOptions options, String name, List<Path> throwaway) {
		if (!options.infrastructure().persistent()) {
			try {
				Path directory = Files.createTempDirectory("local-stack-" + name + "-");
				throwaway.add(directory);
				return directory;
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Could not create a directory for " + name, ex);
			}
		}
		Path directory = options.paths().dataDirectory().resolve(name);
		if (options.infrastructure().reset()) {
			log.info("Wiping the {} data in {}", name, directory);
			deleteRecursively(directory);
		}
		return directory;
	}

	private static void deleteQuietly(Path directory) {
		try {
			deleteRecursively(directory);
		}
		catch (UncheckedIOException ex) {
			log.warn("Could not delete {}: {}", directory, ex.getCause().toString());
		}
	}

	private static void deleteRecursively(Path directory) {
		if (!Files.exists(directory)) {
			return;
		}
		try (Stream<Path> files = Files.walk(directory)) {
			for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(file);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not wipe " + directory, ex);
		}
	}

}
