package io.sagaref.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.jspecify.annotations.Nullable;

/**
 * A real PostgreSQL server from zonky's binaries, with the
 * {@value ServiceDatabase#DATABASE} database and one schema and role per service.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

	private final EmbeddedPostgres postgres;

	private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
		this.postgres = postgres;
	}

	/**
	 * Starts a server.
	 * @param dataDirectory where to keep data across restarts, or null for a throwaway
	 * directory
	 * @param port the port, 0 for any free one
	 * @param durable whether commits are flushed to disk (fsync) as in production
	 * @return the running server with the service schemas created
	 */
	public static EmbeddedPostgresServer start(@Nullable Path dataDirectory, int port, boolean durable) {
		try {
			var builder = EmbeddedPostgres.builder()
				.setPGStartupWait(java.time.Duration.ofSeconds(60))
				.setServerConfig("max_connections", "300")
				.setServerConfig("fsync", durable ? "on" : "off")
				.setServerConfig("synchronous_commit", durable ? "on" : "off")
				.setServerConfig("full_page_writes", durable ? "on" : "off");
			if (port > 0) {
				builder.setPort(port);
			}
			if (dataDirectory != null) {
				builder.setDataDirectory(dataDirectory).setCleanDataDirectory(false);
			}
			var server = new EmbeddedPostgresServer(builder.start());
			server.createServiceSchemas();
			return server;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start embedded Postgres", ex);
		}
	}

	public int port() {
		return this.postgres.getPort();
	}

	/**
	 * @return the JDBC URL of the saga database
	 */
	public String jdbcUrl() {
		return "jdbc:postgresql://localhost:" + port() + "/" + ServiceDatabase.DATABASE;
	}

	private void createServiceSchemas() throws IOException {
		try (Connection admin = this.postgres.getPostgresDatabase().getConnection()) {
			ServiceSchemas.create(admin,
					() -> this.postgres.getDatabase("postgres", ServiceDatabase.DATABASE).getConnection());
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not create the service schemas", ex);
		}
	}

	@Override
	public void close() throws IOException {
		this.postgres.close();
	}

}
