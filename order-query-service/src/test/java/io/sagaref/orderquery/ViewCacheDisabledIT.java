package io.sagaref.orderquery;

import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With the in-memory views off ({@code saga.read-model.cache.enabled=false}) every view
 * comes from Postgres, and clients see the same as with them on.
 */
@TestPropertySource(properties = "saga.read-model.cache.enabled=false")
class ViewCacheDisabledIT extends CachedViewsScenario {

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void servesEveryViewFromPostgres() {
		Saga saga = new Saga();
		send(saga.placed());
		awaitView(saga.orderId, hasTimelineOf(1));

		this.jdbc.update("delete from order_view where order_id = ?", saga.orderId);

		assertThat(this.api.get("/api/orders/" + saga.orderId).status()).isEqualTo(404);
	}

}
