package io.sagaref.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Creates the {@value ServiceDatabase#DATABASE} database and every service's role and
 * schema on any Postgres server, embedded or in a container, from
 * {@code db/init-service-schemas.sql}.
 */
public final class ServiceSchemas {

	private ServiceSchemas() {
	}

	/** Opens a superuser connection to the saga database once it exists. */
	@FunctionalInterface
	public interface SagaConnection {

		Connection open() throws SQLException;

	}

	/**
	 * Creates what is missing; safe to run on every start.
	 * @param admin a superuser connection to any database of the server
	 * @param saga opens a superuser connection to the saga database
	 * @throws SQLException if Postgres refuses
	 * @throws IOException if the script cannot be read
	 */
	public static void create(Connection admin, SagaConnection saga) throws SQLException, IOException {
		try (Statement statement = admin.createStatement()) {
			var exists = statement
				.executeQuery("select 1 from pg_database where datname = '" + ServiceDatabase.DATABASE + "'");
			if (!exists.next()) {
				statement.execute("create database " + ServiceDatabase.DATABASE);
			}
		}
		try (Connection connection = saga.open(); Statement statement = connection.createStatement()) {
			statement.execute(initScript());
		}
	}

	/**
	 * @return the SQL that creates every service's role and schema
	 * @throws IOException if the script cannot be read
	 */
	public static String initScript() throws IOException {
		try (InputStream in = ServiceSchemas.class.getResourceAsStream("/db/init-service-schemas.sql")) {
			if (in == null) {
				throw new IOException("db/init-service-schemas.sql is missing from the classpath");
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}
