package io.sagaref.orderquery;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import io.micrometer.core.instrument.MeterRegistry;
import io.sagaref.orderquery.application.ReadModelProgress;
import io.sagaref.testsupport.ApiReply;
import io.sagaref.testsupport.Problems;
import org.junit.jupiter.api.Test;
import org.postgresql.PGStatement;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The read model rebuilt from the topics while it serves: queries answer throughout, the
 * rebuilt views equal the ones before field by field, nothing the live projection says
 * (its metrics, its wake-ups) is said again, and a statement a pooled connection prepared
 * before the swap still runs after it.
 */
class ReadModelRebuildIT extends OrderQueryServiceIntegrationTest {

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	DataSource dataSource;

	@Autowired
	MeterRegistry meters;

	@Test
	void rebuildsWhileServingIntoViewsEqualToTheOldOnes() throws Exception {
		List<Saga> sagas = sagas(20);
		awaitProjectionIdle();
		Map<UUID, JsonNode> viewsBefore = allViews();
		List<Map<String, Object>> rowsBefore = rows();
		List<Map<String, Object>> indexesBefore = indexes();
		double appliedBefore = this.meters.get(ReadModelProgress.APPLIED).counter().count();
		String asOfBefore = this.api.get("/api/orders/" + sagas.getFirst().orderId).header("Read-Model-As-Of");

		List<Integer> answers = new CopyOnWriteArrayList<>();
		AtomicBoolean querying = new AtomicBoolean(true);
		Thread queries = Thread.ofVirtual().start(() -> {
			while (querying.get()) {
				for (Saga saga : sagas) {
					answers.add(this.api.get("/api/orders/" + saga.orderId).status());
				}
				answers.add(this.api.get("/api/orders?size=5").status());
				answers.add(this.api.get("/api/orders?customerId=" + sagas.getFirst().customerId).status());
			}
		});
		await().until(() -> answers.size() > 10);
		JsonNode started = startRebuild();
		JsonNode completed = awaitCompleted(started);
		int answersDuringRebuild = answers.size();
		querying.set(false);
		queries.join();

		assertThat(started.path("status").asString()).isEqualTo("RUNNING");
		assertThat(completed.path("eventsReplayed").asLong()).as("at least every event applied before")
			.isGreaterThanOrEqualTo(this.jdbc.queryForObject("select count(*) from timeline_entry", Long.class));
		assertThat(completed.path("completedAt").asString()).isNotBlank();
		assertThat(answersDuringRebuild).isGreaterThan(10);
		assertThat(answers).as("every query answered during the rebuild").containsOnly(200);
		Map<UUID, JsonNode> viewsAfter = allViews();
		viewsBefore.forEach((id, view) -> assertThat(viewsAfter.get(id)).as("view of %s", id).isEqualTo(view));
		assertThat(new HashSet<>(rows())).as("the stored views and timelines, payloads included")
			.containsAll(rowsBefore);
		assertThat(indexes()).as("indexes and constraints keep their names").isEqualTo(indexesBefore);
		assertThat(this.meters.get(ReadModelProgress.APPLIED).counter().count())
			.as("the live projection applied nothing during the replay")
			.isEqualTo(appliedBefore);
		assertThat(this.api.get("/api/orders/" + sagas.getFirst().orderId).header("Read-Model-As-Of"))
			.isEqualTo(asOfBefore);
		Saga later = new Saga();
		send(later.placed());
		assertThat(awaitView(later.orderId, hasTimelineOf(1)).path("status").asString())
			.as("the projection writes into the rebuilt tables")
			.isEqualTo("PENDING");
	}

	@Test
	void aStatementPreparedBeforeTheSwapRunsAfterIt() throws Exception {
		Saga saga = new Saga();
		send(saga.placed(), saga.confirmed());
		awaitView(saga.orderId, (view) -> view.path("status").asString().equals("CONFIRMED"));
		try (Connection connection = this.dataSource.getConnection();
				PreparedStatement statement = connection.prepareStatement(
						"select v.status, (select count(*) from timeline_entry t where t.order_id = v.order_id)"
								+ " from order_view v where v.order_id = ?")) {
			// prepared on the server from the first execution on
			statement.unwrap(PGStatement.class).setPrepareThreshold(1);
			assertThat(statusAndEntries(statement, saga.orderId)).isEqualTo("CONFIRMED/2");
			assertThat(statusAndEntries(statement, saga.orderId)).isEqualTo("CONFIRMED/2");

			awaitCompleted(startRebuild());

			assertThat(statusAndEntries(statement, saga.orderId)).isEqualTo("CONFIRMED/2");
			send(saga.cancelled(3));
			awaitView(saga.orderId, hasTimelineOf(3));
			assertThat(statusAndEntries(statement, saga.orderId)).as("reads the new live table")
				.isEqualTo("CANCELLED/3");
		}
	}

	@Test
	void aSecondRebuildWhileOneRunsIsAConflict() {
		UUID running = UUID.randomUUID();
		this.jdbc.update("insert into read_model_rebuild (rebuild_id, status, started_at, updated_at)"
				+ " values (?, 'RUNNING', now(), now())", running);
		try {
			ApiReply second = this.api.post("/api/admin/read-model/rebuild", "");

			Problems.assertProblem(second, 409, "Rebuild " + running + " of the read model is running");
			assertThat(this.api.get("/api/admin/read-model/rebuilds/" + running).json().path("status").asString())
				.isEqualTo("RUNNING");
		}
		finally {
			this.jdbc.update("update read_model_rebuild set status = 'FAILED' where rebuild_id = ?", running);
		}
	}

	@Test
	void answersNotFoundForAnUnknownRebuild() {
		UUID unknown = UUID.randomUUID();

		Problems.assertProblem(this.api.get("/api/admin/read-model/rebuilds/" + unknown), 404, "No rebuild " + unknown);
	}

	private JsonNode startRebuild() {
		ApiReply reply = this.api.post("/api/admin/read-model/rebuild", "");
		assertThat(reply.status()).as(reply.body()).isEqualTo(202);
		String id = reply.json().path("rebuildId").asString();
		assertThat(reply.location()).isEqualTo("/api/admin/read-model/rebuilds/" + id);
		return reply.json();
	}

	private JsonNode awaitCompleted(JsonNode started) {
		String location = "/api/admin/read-model/rebuilds/" + started.path("rebuildId").asString();
		JsonNode done = await().atMost(Duration.ofSeconds(120))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> this.api.get(location).json(),
					(rebuild) -> !rebuild.path("status").asString().equals("RUNNING"));
		assertThat(done.path("status").asString()).isEqualTo("COMPLETED");
		return done;
	}

	private List<Saga> sagas(int count) {
		List<Saga> sagas = new ArrayList<>();
		UUID customer = UUID.randomUUID();
		List<Saga.Event> events = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			Saga saga = new Saga(customer, java.time.Instant.now());
			sagas.add(saga);
			events.add(saga.placed());
			events.add(saga.paymentCompleted("25.00"));
			switch (i % 3) {
				case 0 -> events.addAll(List.of(saga.stockReserved(), saga.confirmed()));
				case 1 -> events.addAll(List.of(saga.stockRejected("BOOK-1", 2, 1),
						saga.paymentRefunded("OUT_OF_STOCK"), saga.rejected(2, "OUT_OF_STOCK")));
				default -> events.addAll(List.of(saga.stockReserved(), saga.confirmed(), saga.cancelled(3),
						saga.stockReleased(2, "ORDER_CANCELLED"), saga.paymentRefunded("ORDER_CANCELLED")));
			}
		}
		send(events.toArray(Saga.Event[]::new));
		for (int i = 0; i < count; i++) {
			awaitView(sagas.get(i).orderId, hasTimelineOf(new int[] { 4, 5, 7 }[i % 3]));
		}
		return sagas;
	}

	/**
	 * @return every view the API shows, with its timeline
	 */
	private Map<UUID, JsonNode> allViews() {
		Map<UUID, JsonNode> views = new HashMap<>();
		for (UUID id : this.jdbc.queryForList("select order_id from order_view", UUID.class)) {
			ApiReply reply = this.api.get("/api/orders/" + id);
			assertThat(reply.status()).isEqualTo(200);
			views.put(id, reply.json());
		}
		return views;
	}

	/**
	 * @return the stored rows, but for what only counts writes (the view's version, the
	 * timeline entry's id)
	 */
	private List<Map<String, Object>> rows() {
		List<Map<String, Object>> rows = new ArrayList<>();
		rows.addAll(this.jdbc.queryForList("select order_id, customer_id, status, total, rejection_reason,"
				+ " payment_status, payment_amount, payment_reason, stock_status, stock_reason, placed_at, updated_at,"
				+ " order_service_sequence, payment_service_sequence, inventory_service_sequence from order_view"));
		rows.addAll(this.jdbc.queryForList("select * from order_view_line"));
		rows.addAll(this.jdbc.queryForList("select * from order_view_shortage"));
		rows.addAll(this.jdbc.queryForList("select event_id, order_id, occurred_at, source, sequence, type, detail,"
				+ " payload::text as payload from timeline_entry"));
		return rows;
	}

	private List<Map<String, Object>> indexes() {
		return this.jdbc.queryForList("select tablename, indexname from pg_indexes where schemaname = current_schema()"
				+ " and tablename in ('order_view', 'order_view_line', 'order_view_shortage', 'timeline_entry')"
				+ " union all select conrelid::regclass::text, conname from pg_constraint"
				+ " where connamespace = current_schema()::regnamespace order by 1, 2");
	}

	private static String statusAndEntries(PreparedStatement statement, UUID orderId) throws Exception {
		statement.setObject(1, orderId);
		try (ResultSet row = statement.executeQuery()) {
			assertThat(row.next()).isTrue();
			return row.getString(1) + "/" + row.getLong(2);
		}
	}

}
