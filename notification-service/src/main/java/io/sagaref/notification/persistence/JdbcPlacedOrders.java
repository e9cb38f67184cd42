package io.sagaref.notification.persistence;

import java.net.URI;
import java.util.Optional;
import java.util.UUID;

import io.sagaref.notification.CustomerId;
import io.sagaref.notification.PlacedOrder;
import io.sagaref.notification.PlacedOrders;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The placed orders in table {@code placed_orders}.
 */
@Repository
class JdbcPlacedOrders implements PlacedOrders {

	private final JdbcClient jdbc;

	JdbcPlacedOrders(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void remember(PlacedOrder order) {
		this.jdbc
			.sql("insert into placed_orders (order_id, customer_id, total, callback_url) values (?, ?, ?, ?)"
					+ " on conflict (order_id) do nothing")
			.params(order.orderId(), order.customerId().value(), order.total(),
					(order.callbackUrl() != null) ? order.callbackUrl().toString() : null)
			.update();
	}

	@Override
	public Optional<PlacedOrder> find(UUID orderId) {
		return this.jdbc.sql("select order_id, customer_id, total, callback_url from placed_orders where order_id = ?")
			.params(orderId)
			.query((row, n) -> new PlacedOrder(row.getObject("order_id", UUID.class),
					new CustomerId(row.getObject("customer_id", UUID.class)), row.getBigDecimal("total"),
					(row.getString("callback_url") != null) ? URI.create(row.getString("callback_url")) : null))
			.optional();
	}

}
