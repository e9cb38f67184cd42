package io.sagaref.order.persistence;

import java.util.Optional;
import io.sagaref.order.OrderId;
import io.sagaref.order.OrderStatus;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Reads an order's status with one plain statement, without a transaction of its own (one
 * statement reads one snapshot). A waiting status request reads it when it starts and at
 * every recheck, so it is the most frequent read of order-service.
 */
class OrderStatusesImpl implements OrderStatuses {

	private final JdbcTemplate jdbc;

	OrderStatusesImpl(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Optional<OrderStatus> statusOf(OrderId id) {
		return this.jdbc
			.query("select status from orders where id = ?", (row, n) -> OrderStatus.valueOf(row.getString(1)),
					id.value())
			.stream()
			.findFirst();
	}

}
