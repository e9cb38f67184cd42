package io.sagaref.orderquery;

import io.micrometer.core.instrument.MeterRegistry;
import io.sagaref.orderquery.application.ViewCache;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Single views from memory, kept current by the events: the view in memory changes with
 * each event, and a view is served from memory even when Postgres would not have it.
 */
class ViewCacheIT extends CachedViewsScenario {

	@Autowired
	ViewCache cache;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MeterRegistry meters;

	@Test
	void theViewInMemoryChangesWithEachEvent() {
		Saga saga = new Saga();
		OrderId orderId = new OrderId(saga.orderId);
		send(saga.placed());

		await().until(() -> this.cache.get(orderId)
			.filter((details) -> details.view().status() == OrderStatus.PENDING)
			.isPresent());
		send(saga.paymentCompleted("25.00"), saga.confirmed());

		await().until(() -> this.cache.get(orderId)
			.filter((details) -> details.view().status() == OrderStatus.CONFIRMED && details.view().payment() != null
					&& details.timeline().size() == 3)
			.isPresent());
	}

	@Test
	void servesAViewFromMemory() {
		Saga saga = new Saga();
		send(saga.placed(), saga.confirmed());
		JsonNode view = awaitView(saga.orderId, hasTimelineOf(2));
		await().until(() -> this.cache.get(new OrderId(saga.orderId)).isPresent());
		double hits = hits();

		// Postgres forgets the view; memory still has it
		this.jdbc.update("delete from order_view where order_id = ?", saga.orderId);

		assertThat(this.api.get("/api/orders/" + saga.orderId).json()).isEqualTo(view);
		assertThat(hits()).isGreaterThan(hits);
		assertThat(this.api.get("/api/orders?customerId=" + saga.customerId).json().path("totalElements").asLong())
			.as("lists come from Postgres")
			.isZero();
	}

	private double hits() {
		return this.meters.get("cache.gets").tag("cache", "order_views").tag("result", "hit").functionCounter().count();
	}

}
