package io.sagaref.embedded;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Database per service, enforced by Postgres itself: each service's role reaches its own
 * schema and nothing else.
 */
class ServiceSchemasIT {

	private static EmbeddedPostgresServer postgres;

	@BeforeAll
	static void start() {
		postgres = EmbeddedPostgresServer.start(null, 0, false);
	}

	@AfterAll
	static void stop() throws Exception {
		postgres.close();
	}

	private Connection connect(ServiceDatabase service) throws SQLException {
		return DriverManager.getConnection(postgres.jdbcUrl(), service.role(), service.password());
	}

	@Test
	void serviceRoleWorksInItsOwnSchemaByDefault() throws SQLException {
		try (var payments = connect(ServiceDatabase.PAYMENTS); var st = payments.createStatement()) {
			st.execute("create table if not exists probe_account (id int primary key)");
			st.execute("insert into probe_account values (1) on conflict do nothing");
			var rs = st.executeQuery("select current_schema(), count(*) from payments.probe_account");
			rs.next();
			assertThat(rs.getString(1)).isEqualTo("payments");
			assertThat(rs.getInt(2)).isEqualTo(1);
		}
	}

	@Test
	void orderServiceCannotReadPaymentServiceTables() throws SQLException {
		try (var payments = connect(ServiceDatabase.PAYMENTS); var st = payments.createStatement()) {
			st.execute("create table if not exists probe_secret (id int primary key)");
		}
		try (var orders = connect(ServiceDatabase.ORDERS); var st = orders.createStatement()) {
			assertThatThrownBy(() -> st.executeQuery("select * from payments.probe_secret"))
				.isInstanceOf(SQLException.class)
				.hasMessageContaining("permission denied for schema payments");
		}
	}

	@Test
	void noServiceCanCreateTablesOutsideItsSchema() throws SQLException {
		try (var orders = connect(ServiceDatabase.ORDERS); var st = orders.createStatement()) {
			assertThatThrownBy(() -> st.execute("create table public.leak (id int)")).isInstanceOf(SQLException.class)
				.hasMessageContaining("permission denied");
			assertThatThrownBy(() -> st.execute("create table inventory.leak (id int)"))
				.isInstanceOf(SQLException.class)
				.hasMessageContaining("permission denied");
		}
	}

}
