package io.sagaref.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.stream.Stream;

import io.sagaref.embedded.EmbeddedPostgresServer;
import io.sagaref.embedded.ServiceDatabase;
import org.jspecify.annotations.Nullable;
import org.netcrusher.core.reactor.NioReactor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stack's Postgres and Kafka, started side by side (they do not need each other),
 * each restartable on the same port with the same data, and optionally reached by the
 * services through {@link LinkProxy proxies}. Stopped Kafka first.
 */
final class EmbeddedInfrastructure implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedInfrastructure.class);

	private final StackOptions options;

	private final Path postgresData;

	private final KafkaProcess kafka;

	private final List<Path> throwaway;

	private int postgresPort;

	private @Nullable EmbeddedPostgresServer postgres;

	private @Nullable Proxies proxies;

	private EmbeddedInfrastructure(StackOptions options, Path postgresData, int postgresPort, KafkaProcess kafka,
			List<Path> throwaway) {
		this.options = options;
		this.postgresData = postgresData;
		this.postgresPort = postgresPort;
		this.kafka = kafka;
		this.throwaway = throwaway;
	}

	/**
	 * The two proxies and the thread that moves their bytes.
	 */
	private record Proxies(NioReactor reactor, LinkProxy postgres, LinkProxy kafka) {
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
		var throwaway = new ArrayList<Path>();
		Path postgresData = dataDirectory(options, "postgres", throwaway);
		Path kafkaData = dataDirectory(options, "kafka", throwaway);
		// one call, so that all the free ports are distinct
		List<Integer> free = Ports.free(5);
		int kafkaPort = options.randomPorts() ? free.get(0) : options.kafkaPort();
		int controllerPort = options.randomPorts() ? free.get(1) : options.kafkaPort() + 1;
		Path kafkaLog = options.dataDirectory().resolve("logs").resolve("kafka.log");
		var kafka = new KafkaProcess(options.proxied()
				? new KafkaProcess.Settings(kafkaData, kafkaLog, kafkaPort, controllerPort, free.get(2), free.get(3),
						options.kafkaPartitions())
				: KafkaProcess.Settings.of(kafkaData, kafkaLog, kafkaPort, controllerPort, options.kafkaPartitions()));
		var infrastructure = new EmbeddedInfrastructure(options, postgresData,
				options.randomPorts() ? 0 : options.postgresPort(), kafka, throwaway);
		var kafkaStart = new FutureTask<>(() -> {
			infrastructure.startKafka();
			return kafka;
		});
		var thread = new Thread(kafkaStart, "local-stack-kafka-start");
		thread.start();
		RuntimeException failure = null;
		try {
			infrastructure.startPostgres();
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
				infrastructure.openProxies(free.get(2), free.get(4));
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

	/**
	 * @return the saga database's JDBC URL, bypassing any proxy
	 */
	String jdbcUrl() {
		return "jdbc:postgresql://localhost:" + this.postgresPort + "/" + ServiceDatabase.DATABASE;
	}

	/**
	 * @return the JDBC URL the services get (through the proxy, if any)
	 */
	synchronized String servicesJdbcUrl() {
		Proxies open = this.proxies;
		return (open != null) ? "jdbc:postgresql://localhost:" + open.postgres().port() + "/" + ServiceDatabase.DATABASE
				: jdbcUrl();
	}

	/**
	 * @return Kafka's bootstrap servers, bypassing any proxy
	 */
	String bootstrapServers() {
		return this.kafka.bootstrapServers();
	}

	/**
	 * @return the bootstrap servers the services get (the proxy, if any)
	 */
	String servicesBootstrapServers() {
		return this.kafka.advertisedBootstrapServers();
	}

	Path postgresDirectory() {
		return this.postgresData;
	}

	Path kafkaDirectory() {
		return this.kafka.settings().directory();
	}

	Path kafkaLogFile() {
		return this.kafka.logFile();
	}

	/**
	 * Starts Postgres on its port (a free one the first time, if random) with its data.
	 */
	synchronized void startPostgres() {
		if (this.postgres != null) {
			throw new IllegalStateException("Postgres is already running");
		}
		long startedAt = System.nanoTime();
		var server = EmbeddedPostgresServer.start(this.postgresData, this.postgresPort, this.options.durable());
		this.postgres = server;
		this.postgresPort = server.port();
		log.info("Postgres up at {} ({}) in {} ms", server.jdbcUrl(),
				this.options.durable() ? "durable: fsync on" : "fsync off", millisSince(startedAt));
	}

	/**
	 * Stops Postgres (a fast shutdown: open transactions roll back, connections end); its
	 * data and port stay for {@link #startPostgres()}.
	 */
	synchronized void stopPostgres() {
		EmbeddedPostgresServer running = this.postgres;
		this.postgres = null;
		closeQuietly(running, "Postgres");
	}

	void startKafka() {
		long startedAt = System.nanoTime();
		this.kafka.start();
		log.info("Kafka up on port {} (its own process, data in {}) in {} ms", this.kafka.settings().port(),
				this.kafka.settings().directory(), millisSince(startedAt));
	}

	void stopKafka() {
		this.kafka.stop();
	}

	void killKafka() {
		this.kafka.kill();
	}

	/**
	 * @return the proxy in front of Postgres
	 * @throws IllegalStateException if the stack runs without proxies
	 */
	synchronized LinkProxy postgresProxy() {
		return proxies().postgres();
	}

	/**
	 * @return the proxy in front of Kafka
	 * @throws IllegalStateException if the stack runs without proxies
	 */
	synchronized LinkProxy kafkaProxy() {
		return proxies().kafka();
	}

	/**
	 * Lets bytes flow normally through both proxies again, if there are any; a failure is
	 * only logged, since this runs on the way to stopping everything.
	 */
	synchronized void restoreLinks() {
		Proxies open = this.proxies;
		if (open == null) {
			return;
		}
		for (LinkProxy proxy : List.of(open.postgres(), open.kafka())) {
			try {
				proxy.restore();
			}
			catch (RuntimeException ex) {
				log.warn("Could not restore a link: {}", ex.toString());
			}
		}
	}

	/**
	 * Closes the proxies, stops Kafka, then Postgres, and deletes throwaway data.
	 */
	@Override
	public void close() {
		Proxies open;
		synchronized (this) {
			open = this.proxies;
			this.proxies = null;
		}
		if (open != null) {
			closeQuietly(open.postgres(), "the Postgres proxy");
			closeQuietly(open.kafka(), "the Kafka proxy");
			closeQuietly(open.reactor(), "the proxies' thread");
		}
		closeQuietly(this.kafka, "Kafka");
		stopPostgres();
		this.throwaway.forEach(EmbeddedInfrastructure::deleteQuietly);
	}

	private synchronized void openProxies(int kafkaProxyPort, int postgresProxyPort) throws IOException {
		var reactor = new NioReactor(5);
		try {
			var kafkaProxy = LinkProxy.open(reactor, kafkaProxyPort, this.kafka.settings().port());
			var postgresProxy = LinkProxy.open(reactor, postgresProxyPort, this.postgresPort);
			this.proxies = new Proxies(reactor, postgresProxy, kafkaProxy);
			log.info("Proxies up: the services reach Postgres via port {}, Kafka via port {}", postgresProxyPort,
					kafkaProxyPort);
		}
		catch (RuntimeException ex) {
			reactor.close();
			throw ex;
		}
	}

	private Proxies proxies() {
		Proxies open = this.proxies;
		if (open == null) {
			throw new IllegalStateException(
					"The stack runs without proxies: start it with StackOptions.withProxies(true) to break links");
		}
		return open;
	}

	/**
	 * @return {@code <data directory>/<name>} if the data is kept (wiped first on reset),
	 * else a new temporary directory, deleted on close
	 */
	private static Path dataDirectory(StackOptions options, String name, List<Path> throwaway) {
		if (!options.persistentDatabase()) {
			try {
				Path directory = Files.createTempDirectory("local-stack-" + name + "-");
				throwaway.add(directory);
				return directory;
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Could not create a directory for " + name, ex);
			}
		}
		Path directory = options.dataDirectory().resolve(name);
		if (options.reset()) {
			log.info("Wiping the {} data in {}", name, directory);
			deleteRecursively(directory);
		}
		return directory;
	}

	private static void closeQuietly(@Nullable AutoCloseable server, String what) {
		if (server == null) {
			return;
		}
		try {
			server.close();
		}
		catch (Exception ex) {
			log.warn("Could not stop {} cleanly: {}", what, ex.toString());
		}
	}

	private static long millisSince(long startedAt) {
		return Duration.ofNanos(System.nanoTime() - startedAt).toMillis();
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
