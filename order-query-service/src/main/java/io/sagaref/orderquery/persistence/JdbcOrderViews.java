package io.sagaref.orderquery.persistence;

import java.math.BigDecimal;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import io.sagaref.orderquery.CustomerId;
import io.sagaref.orderquery.Line;
import io.sagaref.orderquery.Money;
import io.sagaref.orderquery.OrderId;
import io.sagaref.orderquery.OrderStatus;
import io.sagaref.orderquery.OrderView;
import io.sagaref.orderquery.OrderViews;
import io.sagaref.orderquery.PaymentOutcome;
import io.sagaref.orderquery.PaymentStatus;
import io.sagaref.orderquery.RecordedEvent;
import io.sagaref.orderquery.SagaEvent;
import io.sagaref.orderquery.Shortage;
import io.sagaref.orderquery.Source;
import io.sagaref.orderquery.SourceSequences;
import io.sagaref.orderquery.StockOutcome;
import io.sagaref.orderquery.StockStatus;
import io.sagaref.orderquery.TimelineEntry;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Stores the read model with plain JDBC: a view with its lines and shortages (and, for
 * one order, its timeline) is one row of one statement, the collections aggregated as
 * JSON by Postgres; writes are JDBC batches. Why not JPA: the projection writes every
 * event of a poll in a handful of statements, and a view read is one statement without a
 * transaction, which is what lets the read model keep up with the saga
 * (docs/adr/0007-read-model-on-jdbc.md). The same code serves the live tables (the bean)
 * and a rebuild's shadow tables ({@link #of(JdbcTemplate, JsonMapper, Tables)}), so a
 * rebuilt view is stored exactly as the projection stores it.
 */
@Repository
class JdbcOrderViews implements OrderViews {

	private static final String COLUMNS = """
			v.order_id, v.customer_id, v.status, v.total, v.rejection_reason, v.payment_status, v.payment_amount,
			v.payment_reason, v.stock_status, v.stock_reason, v.placed_at, v.updated_at, v.order_service_sequence,
			v.payment_service_sequence, v.inventory_service_sequence, v.version,
			(select json_agg(json_build_array(l.sku, l.quantity, l.unit_price::text) order by l.position)
			 from %2$s l where l.order_id = v.order_id) as lines,
			(select json_agg(json_build_array(s.sku, s.requested, s.available) order by s.position)
			 from %3$s s where s.order_id = v.order_id) as shortages""";

	private static final String TIMELINE = """
			(select json_agg(json_build_array(t.event_id, t.occurred_at, t.source, t.sequence, t.type, t.detail)
			  order by t.occurred_at, t.source, t.sequence)
			 from %4$s t where t.order_id = v.order_id) as timeline""";

	private static final String UPSERT = """
			insert into %1$s (order_id, customer_id, status, total, rejection_reason, payment_status,
			  payment_amount, payment_reason, stock_status, stock_reason, placed_at, updated_at,
			  order_service_sequence, payment_service_sequence, inventory_service_sequence, version)
			values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
			on conflict (order_id) do update set customer_id = excluded.customer_id, status = excluded.status,
			  total = excluded.total, rejection_reason = excluded.rejection_reason,
			  payment_status = excluded.payment_status, payment_amount = excluded.payment_amount,
			  payment_reason = excluded.payment_reason, stock_status = excluded.stock_status,
			  stock_reason = excluded.stock_reason, placed_at = excluded.placed_at, updated_at = excluded.updated_at,
			  order_service_sequence = excluded.order_service_sequence,
			  payment_service_sequence = excluded.payment_service_sequence,
			  inventory_service_sequence = excluded.inventory_service_sequence, version = excluded.version
			where %1$s.version = excluded.version - 1""";

	private static final String TIMELINE_INSERT = """
			insert into %4$s (id, event_id, order_id, occurred_at, source, sequence, type, detail, payload)
			values (nextval('timeline_entry_id_seq'), ?, ?, ?, ?, ?, ?, ?, ?::jsonb)""";

	private final JdbcTemplate jdbc;

	private final JsonMapper json;

	private final Tables tables;

	private final String columns;

	private final String timeline;

	private final String upsert;

	@Autowired
	JdbcOrderViews(JdbcTemplate jdbc, JsonMapper json) {
		this(jdbc, json, Tables.LIVE);
	}

	private JdbcOrderViews(JdbcTemplate jdbc, JsonMapper json, Tables tables) {
		this.jdbc = jdbc;
		this.json = json;
		this.tables = tables;
		this.columns = tables.format(COLUMNS);
		this.timeline = tables.format(TIMELINE);
		this.upsert = tables.format(UPSERT);
	}

	/**
	 * @param jdbc the database
	 * @param json the mapper of payloads and aggregated collections
	 * @param tables the tables to store in
	 * @return views stored in those tables
	 */
	static JdbcOrderViews of(JdbcTemplate jdbc, JsonMapper json, Tables tables) {
		return new JdbcOrderViews(jdbc, json, tables);
	}

	@Override
	public Map<OrderId, OrderView> lockAll(Collection<OrderId> orderIds) {
		Map<OrderId, OrderView> views = new HashMap<>();
		if (orderIds.isEmpty()) {
			return views;
		}
		this.jdbc.query((connection) -> withIds(connection, "select " + this.columns + " from " + this.tables.views()
				+ " v where v.order_id = any(?) order by v.order_id for update", orderIds), (row) -> {
					OrderView view = view(row);
					views.put(view.orderId(), view);
				});
		return views;
	}

	@Override
	public void saveAll(Collection<ViewChange> changes, List<RecordedEvent> applied) {
		List<OrderView> views = changes.stream().map(ViewChange::view).toList();
		// one chunk: the counts are in the order of the views
		int[] counts = this.jdbc.batchUpdate(this.upsert, views, views.size(), this::bindView)[0];
		for (int i = 0; i < counts.length; i++) {
			if (counts[i] == 0) {
				throw new OptimisticLockingFailureException(
						"The view of order " + views.get(i).orderId() + " was stored by another transaction");
			}
		}
		replace(this.tables.lines(), changes.stream().filter(ViewChange::linesChanged).map(ViewChange::view).toList(),
				"insert into " + this.tables.lines()
						+ " (order_id, position, sku, quantity, unit_price) values (?, ?, ?, ?, ?)",
				OrderView::lines, (statement, line) -> {
					statement.setString(3, line.sku());
					statement.setInt(4, line.quantity());
					statement.setBigDecimal(5, line.unitPrice().amount());
				});
		replace(this.tables.shortages(),
				changes.stream().filter(ViewChange::shortagesChanged).map(ViewChange::view).toList(),
				"insert into " + this.tables.shortages()
						+ " (order_id, position, sku, requested, available) values (?, ?, ?, ?, ?)",
				OrderView::shortages, (statement, shortage) -> {
					statement.setString(3, shortage.sku());
					statement.setInt(4, shortage.requested());
					statement.setInt(5, shortage.available());
				});
		if (applied.isEmpty()) {
			return;
		}
		this.jdbc.batchUpdate(this.tables.format(TIMELINE_INSERT), applied, applied.size(), (statement, event) -> {
			TimelineEntry entry = TimelineEntry.of(event);
			statement.setObject(1, entry.eventId());
			statement.setObject(2, entry.orderId().value());
			setInstant(statement, 3, entry.at());
			statement.setString(4, entry.source());
			statement.setLong(5, entry.sequence());
			statement.setString(6, entry.type());
			statement.setString(7, entry.detail());
			statement.setString(8, this.json.writeValueAsString(event.event()));
		});
	}

	private <T> void replace(String table, List<OrderView> views, String insert, Function<OrderView, List<T>> items,
			ItemSetter<T> setter) {
		List<OrderView> stored = views.stream().filter((view) -> view.version() > 0).toList();
		if (!stored.isEmpty()) {
			this.jdbc.update((connection) -> withIds(connection, "delete from " + table + " where order_id = any(?)",
					stored.stream().map(OrderView::orderId).toList()));
		}
		List<Item<T>> rows = new ArrayList<>();
		for (OrderView view : views) {
			List<T> list = items.apply(view);
			for (int i = 0; i < list.size(); i++) {
				rows.add(new Item<>(view.orderId(), i, list.get(i)));
			}
		}
		if (!rows.isEmpty()) {
			this.jdbc.batchUpdate(insert, rows, rows.size(), (statement, row) -> {
				statement.setObject(1, row.orderId().value());
				statement.setInt(2, row.position());
				setter.set(statement, row.item());
			});
		}
	}

	@Override
	public Optional<OrderDetails> details(OrderId orderId) {
		List<OrderDetails> found = this.jdbc.query(
				"select " + this.columns + ", " + this.timeline + " from " + this.tables.views()
						+ " v where v.order_id = ?",
				(row, n) -> new OrderDetails(view(row), timeline(row.getString("timeline"), orderId)), orderId.value());
		return found.stream().findFirst();
	}

	@Override
	public ViewPage page(@Nullable CustomerId customerId, @Nullable OrderStatus status, int page, int size) {
		List<Object> arguments = new ArrayList<>();
		var where = new StringBuilder(" where true");
		if (customerId != null) {
			where.append(" and v.customer_id = ?");
			arguments.add(customerId.value());
		}
		if (status != null) {
			where.append(" and v.status = ?");
			arguments.add(status.name());
		}
		Long total = this.jdbc.queryForObject("select count(*) from " + this.tables.views() + " v" + where, Long.class,
				arguments.toArray());
		arguments.add(size);
		arguments.add((long) page * size);
		List<OrderView> views = this.jdbc.query(
				"select " + this.columns + " from " + this.tables.views() + " v" + where
						+ " order by v.placed_at desc nulls last, v.order_id limit ? offset ?",
				(row, n) -> view(row), arguments.toArray());
		return new ViewPage(views, page, size, (total != null) ? total : 0);
	}

	@Override
	public List<RecordedEvent> history(OrderId orderId) {
		return this.jdbc.query(
				"select event_id, occurred_at, sequence, type, payload::text as payload from " + this.tables.timeline()
						+ " where order_id = ? order by occurred_at, source, sequence",
				(row, n) -> recorded(row, orderId), orderId.value());
	}

	@Override
	public List<StoredEvent> inStoreOrder(OrderId orderId) {
		return this.jdbc.query(
				"select event_id, occurred_at, sequence, type, payload::text as payload, recorded_at from "
						+ this.tables.timeline() + " where order_id = ? order by id",
				(row, n) -> new StoredEvent(recorded(row, orderId),
						row.getObject("recorded_at", OffsetDateTime.class).toInstant()),
				orderId.value());
	}

	private RecordedEvent recorded(ResultSet row, OrderId orderId) throws SQLException {
		UUID eventId = row.getObject("event_id", UUID.class);
		String payload = row.getString("payload");
		if (payload == null) {
			throw new IllegalStateException("Event " + eventId + " of order " + orderId
					+ " was stored before the read model kept payloads; rebuild the read model"
					+ " (POST /api/admin/read-model/rebuild) to see the order as it stood");
		}
		SagaEvent event = this.json.readValue(payload, SagaEvent.typeNamed(row.getString("type")));
		return new RecordedEvent(eventId, row.getLong("sequence"),
				row.getObject("occurred_at", OffsetDateTime.class).toInstant(), event);
	}

	@Override
	public long lastSequence(OrderId orderId, Source source) {
		String column = switch (source) {
			case ORDER_SERVICE -> "order_service_sequence";
			case PAYMENT_SERVICE -> "payment_service_sequence";
			case INVENTORY_SERVICE -> "inventory_service_sequence";
		};
		List<Long> found = this.jdbc.queryForList(
				"select " + column + " from " + this.tables.views() + " where order_id = ?", Long.class,
				orderId.value());
		return found.isEmpty() ? 0 : found.getFirst();
	}

	@Override
	public Optional<Instant> newestEventAt() {
		OffsetDateTime newest = this.jdbc.queryForObject("select max(occurred_at) from " + this.tables.timeline(),
				OffsetDateTime.class);
		return Optional.ofNullable(newest).map(OffsetDateTime::toInstant);
	}

	private void bindView(PreparedStatement statement, OrderView view) throws SQLException {
		PaymentOutcome payment = view.payment();
		StockOutcome stock = view.stock();
		CustomerId customerId = view.customerId();
		Money total = view.total();
		statement.setObject(1, view.orderId().value());
		statement.setObject(2, (customerId != null) ? customerId.value() : null);
		statement.setString(3, (view.status() != null) ? view.status().name() : null);
		statement.setBigDecimal(4, (total != null) ? total.amount() : null);
		statement.setString(5, view.rejectionReason());
		statement.setString(6, (payment != null) ? payment.status().name() : null);
		statement.setBigDecimal(7, (payment != null) ? payment.amount().amount() : null);
		statement.setString(8, (payment != null) ? payment.reason() : null);
		statement.setString(9, (stock != null) ? stock.status().name() : null);
		statement.setString(10, (stock != null) ? stock.reason() : null);
		setInstant(statement, 11, view.placedAt());
		setInstant(statement, 12, view.updatedAt());
		statement.setLong(13, view.lastSequence(Source.ORDER_SERVICE));
		statement.setLong(14, view.lastSequence(Source.PAYMENT_SERVICE));
		statement.setLong(15, view.lastSequence(Source.INVENTORY_SERVICE));
		statement.setLong(16, view.version() + 1);
	}

	private OrderView view(ResultSet row) throws SQLException {
		String paymentStatus = row.getString("payment_status");
		String stockStatus = row.getString("stock_status");
		String status = row.getString("status");
		UUID customerId = row.getObject("customer_id", UUID.class);
		BigDecimal total = row.getBigDecimal("total");
		var stored = new OrderView.Stored(new OrderId(row.getObject("order_id", UUID.class)),
				(customerId != null) ? new CustomerId(customerId) : null,
				(status != null) ? OrderStatus.valueOf(status) : null, (total != null) ? Money.of(total) : null,
				row.getString("rejection_reason"),
				(paymentStatus != null) ? new PaymentOutcome(PaymentStatus.valueOf(paymentStatus),
						Money.of(row.getBigDecimal("payment_amount")), row.getString("payment_reason")) : null,
				(stockStatus != null)
						? new StockOutcome(StockStatus.valueOf(stockStatus), row.getString("stock_reason")) : null,
				instant(row, "placed_at"), instant(row, "updated_at"),
				new SourceSequences(row.getLong("order_service_sequence"), row.getLong("payment_service_sequence"),
						row.getLong("inventory_service_sequence")),
				row.getLong("version"));
		List<Line> lines = rows(row.getString("lines"),
				(item) -> new Line(item.get(0).asString(), item.get(1).asInt(), Money.of(item.get(2).asString())));
		List<Shortage> shortages = rows(row.getString("shortages"),
				(item) -> new Shortage(item.get(0).asString(), item.get(1).asInt(), item.get(2).asInt()));
		return OrderView.restore(stored, lines, shortages);
	}

	private List<TimelineEntry> timeline(@Nullable String aggregated, OrderId orderId) {
		return rows(aggregated, (item) -> new TimelineEntry(UUID.fromString(item.get(0).asString()), orderId,
				OffsetDateTime.parse(item.get(1).asString()).toInstant(), item.get(2).asString(), item.get(3).asLong(),
				item.get(4).asString(), item.get(5).isNull() ? null : item.get(5).asString()));
	}

	private <T> List<T> rows(@Nullable String aggregated, Function<JsonNode, T> row) {
		if (aggregated == null) {
			return List.of();
		}
		List<T> rows = new ArrayList<>();
		for (JsonNode item : this.json.readTree(aggregated)) {
			rows.add(row.apply(item));
		}
		return rows;
	}

	private static PreparedStatement withIds(Connection connection, String sql, Collection<OrderId> ids)
			throws SQLException {
		PreparedStatement statement = connection.prepareStatement(sql);
		Array array = connection.createArrayOf("uuid", ids.stream().map(OrderId::value).toArray());
		statement.setArray(1, array);
		return statement;
	}

	private static void setInstant(PreparedStatement statement, int index, @Nullable Instant instant)
			throws SQLException {
		if (instant == null) {
			statement.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
		}
		else {
			statement.setObject(index, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
		}
	}

	private static @Nullable Instant instant(ResultSet row, String column) throws SQLException {
		OffsetDateTime timestamp = row.getObject(column, OffsetDateTime.class);
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	@FunctionalInterface
	private interface ItemSetter<T> {

		void set(PreparedStatement statement, T item) throws SQLException;

	}

	private record Item<T>(OrderId orderId, int position, T item) {
	}

}
