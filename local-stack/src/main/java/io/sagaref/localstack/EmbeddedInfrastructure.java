package io.sagaref.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stack's Postgres and Kafka, started side by side (they do not need each other) and
 * stopped Kafka first.
 */
final class EmbeddedInfrastructure implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedInfrastructure.class);

	private final EmbeddedPostgresServer postgres;

	private final EmbeddedKafkaServer kafka;

	private EmbeddedInfrastructure(EmbeddedPostgresServer postgres, EmbeddedKafkaServer kafka) {
		this.postgres = postgres;
		this.kafka = kafka;
	}

	/**
	 * Starts Postgres on this thread and Kafka on another at the same time.
	 * @param options the stack's options (data directory, reset, durability, ports,
	 * partitions)
	 * @return both servers, running
	 * @throws RuntimeException if either fails, after stopping the other
	 */
	static EmbeddedInfrastructure start(StackOptions options) {
		var kafkaStart = new FutureTask<>(() -> startKafka(options));
		var thread = new Thread(kafkaStart, "local-stack-kafka-start");
		thread.setContextClassLoader(Thread.currentThread().getContextClassLoader());
		thread.start();
		EmbeddedPostgresServer postgres = null;
		RuntimeException failure = null;
		try {
			postgres = startPostgres(options);
		}
		catch (RuntimeException ex) {
			failure = ex;
		}
		try {
			EmbeddedKafkaServer kafka = kafkaStart.get();
			if (postgres != null) {
				return new EmbeddedInfrastructure(postgres, kafka);
			}
			kafka.close();
		}
		catch (ExecutionException ex) {
			closeQuietly(postgres, "Postgres");
			failure = (failure != null) ? failure : new LocalStackException("Kafka did not start", ex.getCause());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			closeQuietly(postgres, "Postgres");
			failure = (failure != null) ? failure : new LocalStackException("Interrupted while Kafka started", ex);
		}
		throw (failure != null) ? failure : new IllegalStateException("Postgres did not start");
	}

	String jdbcUrl() {
		return this.postgres.jdbcUrl();
	}

	String bootstrapServers() {
		return this.kafka.bootstrapServers();
	}

	/**
	 * Stops Kafka, then Postgres.
	 */
	@Override
	public void close() {
		closeQuietly(this.kafka, "Kafka");
		closeQuietly(this.postgres, "Postgres");
	}

	private static EmbeddedPostgresServer startPostgres(StackOptions options) {
		long startedAt = System.nanoTime();
		@Nullable Path data = options.persistentDatabase() ? options.dataDirectory().resolve("postgres") : null;
		if (data != null && options.reset()) {
			log.info("Wiping the Postgres data in {}", data);
			deleteRecursively(data);
		}
		int port = options.randomPorts() ? 0 : options.postgresPort();
		var server = EmbeddedPostgresServer.start(data, port, options.durable());
		log.info("Postgres up at {} ({}) in {} ms", server.jdbcUrl(),
				options.durable() ? "durable: fsync on" : "fsync off", millisSince(startedAt));
		return server;
	}

	private static EmbeddedKafkaServer startKafka(StackOptions options) {
		long startedAt = System.nanoTime();
		var server = EmbeddedKafkaServer.start(options.kafkaPartitions());
		log.info("Kafka up at {} (in this JVM, starts empty) in {} ms", server.bootstrapServers(),
				millisSince(startedAt));
		return server;
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
