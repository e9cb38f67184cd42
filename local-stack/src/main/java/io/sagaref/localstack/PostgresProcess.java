package io.sagaref.localstack;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

import io.sagaref.embedded.EmbeddedPostgresServer;
import io.sagaref.embedded.ServiceDatabase;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stack's Postgres server (zonky's binaries, run by {@code pg_ctl} as its own
 * processes), with one schema and role per service: it can be stopped and started again
 * on the same port with the same data, as a database outage would go.
 */
public final class PostgresProcess implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(PostgresProcess.class);

	private final Path dataDirectory;

	private final boolean durable;

	private int port;

	private @Nullable EmbeddedPostgresServer server;

	private boolean closed;

	/**
	 * @param dataDirectory where its data lives (kept across restarts)
	 * @param port its port, or 0 for a free one on the first start (kept afterwards)
	 * @param durable whether commits are flushed to disk
	 */
	PostgresProcess(Path dataDirectory, int port, boolean durable) {
		this.dataDirectory = dataDirectory;
		this.port = port;
		this.durable = durable;
	}

	/**
	 * Starts Postgres on its port with its data and waits until it accepts connections.
	 * @throws IllegalStateException if it runs already or the stack is closed
	 */
	public synchronized void start() {
		if (this.closed) {
			throw new IllegalStateException("The local stack is closed");
		}
		if (this.server != null) {
			throw new IllegalStateException("Postgres is already running");
		}
		long startedAt = System.nanoTime();
		var started = EmbeddedPostgresServer.start(this.dataDirectory, this.port, this.durable);
		this.server = started;
		this.port = started.port();
		log.info("Postgres up at {} ({}) in {} ms", started.jdbcUrl(), this.durable ? "durable: fsync on" : "fsync off",
				Duration.ofNanos(System.nanoTime() - startedAt).toMillis());
	}

	/**
	 * Stops Postgres gracefully (a fast shutdown: open transactions roll back and every
	 * connection ends); its data and port are kept for {@link #start()}. Does nothing if
	 * it is not running.
	 */
	public synchronized void stop() {
		EmbeddedPostgresServer running = this.server;
		this.server = null;
		if (running == null) {
			return;
		}
		log.info("Stopping Postgres");
		try {
			running.close();
		}
		catch (IOException | RuntimeException ex) {
			log.warn("Could not stop Postgres cleanly: {}", ex.toString());
		}
	}

	/**
	 * @return whether the server runs
	 */
	public synchronized boolean isRunning() {
		return this.server != null;
	}

	/**
	 * @return the saga database's JDBC URL, always the direct one (connect as a service's
	 * role, see {@link ServiceDatabase}, or as {@code postgres}); a test's own queries
	 * are not affected by a broken database link
	 */
	public synchronized String jdbcUrl() {
		return "jdbc:postgresql://localhost:" + this.port + "/" + ServiceDatabase.DATABASE;
	}

	/**
	 * @return its port (0 before the first start on a free one)
	 */
	public synchronized int port() {
		return this.port;
	}

	/**
	 * @return where its data lives
	 */
	public Path dataDirectory() {
		return this.dataDirectory;
	}

	/**
	 * Stops the server for good: {@link #start()} refuses afterwards.
	 */
	@Override
	public synchronized void close() {
		this.closed = true;
		stop();
	}

}
