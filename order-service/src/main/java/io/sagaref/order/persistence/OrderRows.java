package io.sagaref.order.persistence;

import java.math.BigDecimal;
import java.net.URI;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import io.sagaref.order.CustomerId;
import io.sagaref.order.Money;
import io.sagaref.order.Order;
import io.sagaref.order.OrderEvent.OrderPlaced;
import io.sagaref.order.OrderId;
import io.sagaref.order.OrderLine;
import io.sagaref.order.OrderStatus;
import io.sagaref.order.PendingOrders;
import io.sagaref.order.RejectionReason;
import io.sagaref.order.RequestKey;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The current state of every order, the rows {@code orders} and {@code order_line}: a
 * projection of the order streams, written in the transaction that appends to them, in
 * plain JDBC: an order and its lines are inserted by one statement, and the changes of
 * one transaction update their rows in one statement.
 */
@Component
class OrderRows {

	private static final String SELECT = """
			select o.id, o.customer_id, o.status, o.rejection_reason, o.total, o.idempotency_key, o.request_hash,
			       o.callback_url, o.placed_at, o.updated_at, o.version, l.skus, l.quantities, l.unit_prices
			from orders o cross join lateral (
			    select array_agg(sku order by line_no) skus, array_agg(quantity order by line_no) quantities,
			           array_agg(unit_price order by line_no) unit_prices
			    from order_line where order_id = o.id) l
			""";

	private static final String INSERT_ORDER = """
			insert into orders (id, customer_id, status, rejection_reason, total, idempotency_key, request_hash,
			                    callback_url, placed_at, updated_at, version)
			values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

	private static final String INSERT_LINE = """
			insert into order_line (order_id, line_no, sku, quantity, unit_price) values (?, ?, ?, ?, ?)""";

	private final JdbcTemplate jdbc;

	OrderRows(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @return the order's stream version, if there is such an order, now locked
	 */
	Optional<Long> lock(OrderId id) {
		return this.jdbc.queryForList("select version from orders where id = ? for update", Long.class, id.value())
			.stream()
			.findFirst();
	}

	/**
	 * @return the stream version of each order found, now locked
	 */
	Map<OrderId, Long> lockAll(Collection<OrderId> ids) {
		Map<OrderId, Long> versions = new HashMap<>();
		this.jdbc.query((connection) -> {
			PreparedStatement statement = connection
				.prepareStatement("select id, version from orders where id = any(?) order by id for update");
			statement.setArray(1, connection.createArrayOf("uuid", ids.stream().map(OrderId::value).toArray()));
			return statement;
		}, (row) -> {
			versions.put(new OrderId(row.getObject(1, UUID.class)), row.getLong(2));
		});
		return versions;
	}

	Map<OrderId, Long> lockPendingPlacedBefore(Instant placedBefore, int limit) {
		Map<OrderId, Long> versions = new LinkedHashMap<>();
		this.jdbc.query("""
				select id, version from orders where status = 'PENDING' and placed_at < ?
				order by placed_at limit ? for update skip locked""", (row) -> {
			versions.put(new OrderId(row.getObject(1, UUID.class)), row.getLong(2));
		}, utc(placedBefore), limit);
		return versions;
	}

	Optional<OrderStatus> statusOf(OrderId id) {
		return this.jdbc
			.query("select status from orders where id = ?", (row, n) -> OrderStatus.valueOf(row.getString(1)),
					id.value())
			.stream()
			.findFirst();
	}

	Optional<Order> findByIdempotencyKey(String key) {
		return this.jdbc.query(SELECT + " where o.idempotency_key = ?", OrderRows::order, key).stream().findFirst();
	}

	List<Order> findPendingPlacedBefore(Instant placedBefore, int limit) {
		return this.jdbc.query(SELECT + " where o.status = 'PENDING' and o.placed_at < ? order by o.placed_at limit ?",
				OrderRows::order, utc(placedBefore), limit);
	}

	PendingOrders pendingOrders() {
		return this.jdbc.queryForObject("select count(*), min(placed_at) from orders where status = 'PENDING'",
				(row, n) -> new PendingOrders(row.getLong(1), instant(row, 2)));
	}

	/**
	 * Inserts a new order and its lines in one statement.
	 */
	void insert(Order order) {
		this.jdbc.update((connection) -> {
			PreparedStatement statement = connection.prepareStatement("with o as (" + INSERT_ORDER
					+ """
							)
							insert into order_line (order_id, line_no, sku, quantity, unit_price)
							select ?, l.n - 1, l.sku, l.quantity, l.unit_price
							from unnest(?::text[], ?::int[], ?::numeric[]) with ordinality as l(sku, quantity, unit_price, n)""");
			int next = setOrder(statement, order);
			List<OrderLine> lines = order.lines();
			statement.setObject(next++, order.id().value());
			statement.setArray(next++, connection.createArrayOf("text", lines.stream().map(OrderLine::sku).toArray()));
			statement.setArray(next++,
					connection.createArrayOf("int4", lines.stream().map(OrderLine::quantity).toArray()));
			Array prices = connection.createArrayOf("numeric",
					lines.stream().map((line) -> line.unitPrice().amount()).toArray());
			statement.setArray(next, prices);
			return statement;
		});
	}

	/**
	 * Inserts many orders and their lines, as two batches.
	 */
	void insertAll(List<Order> orders) {
		this.jdbc.batchUpdate(INSERT_ORDER, orders, orders.size(), (statement, order) -> setOrder(statement, order));
		List<Object[]> lines = new ArrayList<>();
		for (Order order : orders) {
			List<OrderLine> orderLines = order.lines();
			for (int i = 0; i < orderLines.size(); i++) {
				OrderLine line = orderLines.get(i);
				lines.add(
						new Object[] { order.id().value(), i, line.sku(), line.quantity(), line.unitPrice().amount() });
			}
		}
		this.jdbc.batchUpdate(INSERT_LINE, lines);
	}

	/**
	 * Writes, in one statement, what changes of placed orders can change: their lines
	 * never change.
	 */
	void updateAll(Collection<Order> orders) {
		if (orders.isEmpty()) {
			return;
		}
		this.jdbc.update((connection) -> {
			PreparedStatement statement = connection.prepareStatement("""
					update orders o set status = v.status, rejection_reason = v.rejection_reason,
					                    updated_at = v.updated_at::timestamptz, version = v.version
					from unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::bigint[])
					     as v(id, status, rejection_reason, updated_at, version)
					where o.id = v.id""");
			statement.setArray(1, array(connection, "uuid", orders.stream().map((o) -> o.id().value())));
			statement.setArray(2, array(connection, "text", orders.stream().map((o) -> o.status().name())));
			statement.setArray(3, array(connection, "text",
					orders.stream().map((o) -> o.rejectionReason().map(Enum::name).orElse(null))));
			statement.setArray(4, array(connection, "text", orders.stream().map((o) -> o.updatedAt().toString())));
			statement.setArray(5, array(connection, "int8", orders.stream().map(Order::version)));
			return statement;
		});
	}

	private static Array array(Connection connection, String type, Stream<?> values) throws SQLException {
		return connection.createArrayOf(type, values.toArray());
	}

	/**
	 * Locks both tables against every writer (commands wait, status reads go on) and
	 * deletes every row.
	 */
	void lockAndDeleteAll() {
		this.jdbc.execute("lock table orders, order_line in exclusive mode");
		this.jdbc.update("delete from order_line");
		this.jdbc.update("delete from orders");
	}

	private static int setOrder(PreparedStatement statement, Order order) throws SQLException {
		RequestKey key = order.requestKey().orElse(null);
		statement.setObject(1, order.id().value());
		statement.setObject(2, order.customerId().value());
		statement.setString(3, order.status().name());
		statement.setObject(4, order.rejectionReason().map(Enum::name).orElse(null), Types.VARCHAR);
		statement.setBigDecimal(5, order.total().amount());
		statement.setObject(6, (key != null) ? key.key() : null, Types.VARCHAR);
		statement.setObject(7, (key != null) ? key.fingerprint() : null, Types.VARCHAR);
		statement.setObject(8, order.callbackUrl().map(URI::toString).orElse(null), Types.VARCHAR);
		statement.setObject(9, utc(order.placedAt()));
		statement.setObject(10, utc(order.updatedAt()));
		statement.setLong(11, order.version());
		return 12;
	}

	private static Order order(ResultSet row, int n) throws SQLException {
		String[] skus = (String[]) row.getArray("skus").getArray();
		Integer[] quantities = (Integer[]) row.getArray("quantities").getArray();
		BigDecimal[] prices = (BigDecimal[]) row.getArray("unit_prices").getArray();
		List<OrderLine> lines = new ArrayList<>(skus.length);
		for (int i = 0; i < skus.length; i++) {
			lines.add(new OrderLine(skus[i], quantities[i], Money.of(prices[i])));
		}
		String key = row.getString("idempotency_key");
		String hash = row.getString("request_hash");
		String callback = row.getString("callback_url");
		String reason = row.getString("rejection_reason");
		var placed = new OrderPlaced(new OrderId(row.getObject("id", UUID.class)),
				new CustomerId(row.getObject("customer_id", UUID.class)), lines, Money.of(row.getBigDecimal("total")),
				(key != null && hash != null) ? new RequestKey(key, hash) : null,
				(callback != null) ? URI.create(callback) : null);
		return Order.restore(placed, OrderStatus.valueOf(row.getString("status")),
				(reason != null) ? RejectionReason.valueOf(reason) : null, instant(row, "placed_at"),
				instant(row, "updated_at"), row.getLong("version"));
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	private static Instant instant(ResultSet row, String column) throws SQLException {
		return row.getObject(column, OffsetDateTime.class).toInstant();
	}

	private static @Nullable Instant instant(ResultSet row, int column) throws SQLException {
		OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

}
