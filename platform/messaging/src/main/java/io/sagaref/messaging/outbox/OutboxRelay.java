package io.sagaref.messaging.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import io.sagaref.messaging.EventEnvelope;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes outbox rows to Kafka in id order, a batch per transaction, and marks them
 * sent in the same transaction. A crash between publishing and marking republishes the
 * batch: delivery is at least once, and consumers' inboxes make it exactly once in
 * effect. One relay per schema is active at a time (a Postgres advisory lock), so two
 * instances of a service never reorder a saga's events. See
 * docs/adr/0002-own-outbox-relay.md. A row that points at an event store row instead of
 * holding an envelope ({@link Outbox#appendStored}) gets its envelope from
 * {@link StoredEnvelopes}, in one query for all such rows of a batch. Test-only
 * {@link RelayFailpoints} can make it publish every batch twice or die between publishing
 * and marking.
 */
public class OutboxRelay implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

	private final JdbcTemplate jdbc;

	private final TransactionTemplate tx;

	private final KafkaTemplate<String, String> kafka;

	private final int batchSize;

	private final Duration pollInterval;

	private final Duration sendTimeout;

	private final RelayFailpoints failpoints;

	private final @Nullable StoredEnvelopes storedEnvelopes;

	private final Semaphore wakeUps = new Semaphore(0);

	private volatile boolean running;

	private @Nullable Thread worker;

	public OutboxRelay(JdbcTemplate jdbc, TransactionTemplate tx, KafkaTemplate<String, String> kafka, int batchSize,
			Duration pollInterval, Duration sendTimeout) {
		this(jdbc, tx, kafka, batchSize, pollInterval, sendTimeout, RelayFailpoints.none());
	}

	public OutboxRelay(JdbcTemplate jdbc, TransactionTemplate tx, KafkaTemplate<String, String> kafka, int batchSize,
			Duration pollInterval, Duration sendTimeout, RelayFailpoints failpoints) {
		this(jdbc, tx, kafka, batchSize, pollInterval, sendTimeout, failpoints, null);
	}

	/**
	 * @param jdbc the service's database
	 * @param tx one transaction per batch
	 * @param kafka the producer
	 * @param batchSize most rows per batch
	 * @param pollInterval how often to look for rows when not woken
	 * @param sendTimeout how long to wait for Kafka's acknowledgement of a batch
	 * @param failpoints test-only faults, {@link RelayFailpoints#none()} normally
	 * @param storedEnvelopes builds the envelopes of rows that point at the event store,
	 * null in a service without one (such a row then fails its batch)
	 */
	public OutboxRelay(JdbcTemplate jdbc, TransactionTemplate tx, KafkaTemplate<String, String> kafka, int batchSize,
			Duration pollInterval, Duration sendTimeout, RelayFailpoints failpoints,
			@Nullable StoredEnvelopes storedEnvelopes) {
		this.jdbc = jdbc;
		this.tx = tx;
		this.kafka = kafka;
		this.batchSize = batchSize;
		this.pollInterval = pollInterval;
		this.sendTimeout = sendTimeout;
		this.failpoints = failpoints;
		this.storedEnvelopes = storedEnvelopes;
	}

	/**
	 * Asks the relay to look for new rows now; cheap and safe to call from any thread.
	 */
	public void wakeUp() {
		if (this.wakeUps.availablePermits() == 0) {
			this.wakeUps.release();
		}
	}

	/**
	 * Publishes one batch of unsent rows.
	 * @return how many rows were published, 0 if none or another instance holds the relay
	 * lock
	 */
	public int publishBatch() {
		Integer published = this.tx.execute((status) -> {
			Boolean locked = this.jdbc.queryForObject(
					"select pg_try_advisory_xact_lock(hashtext(current_schema() || '.outbox-relay'))", Boolean.class);
			if (!Boolean.TRUE.equals(locked)) {
				return 0;
			}
			List<Row> rows = this.jdbc.query(
					"select id, topic, message_key, event_type, envelope, event_position from outbox where published_at is null order by id limit ?",
					(rs, i) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
							rs.getString(5), rs.getObject(6, Long.class)),
					this.batchSize);
			if (rows.isEmpty()) {
				return 0;
			}
			rows = withStoredEnvelopes(rows);
			send(rows);
			if (this.failpoints.publishTwice()) {
				send(rows);
			}
			this.failpoints.batchPublished();
			this.jdbc.update("update outbox set published_at = now() where id = any(?)",
					(Object) rows.stream().map(Row::id).toArray(Long[]::new));
			return rows.size();
		});
		return (published != null) ? published : 0;
	}

	/**
	 * Resolves the rows that point at the event store, in one query for the batch,
	 * keeping the batch's order.
	 */
	private List<Row> withStoredEnvelopes(List<Row> rows) {
		List<Long> positions = rows.stream().filter((row) -> row.envelope() == null).map(Row::eventPosition).toList();
		if (positions.isEmpty()) {
			return rows;
		}
		StoredEnvelopes stored = this.storedEnvelopes;
		if (stored == null) {
			throw new IllegalStateException("Outbox rows point at event store positions " + positions
					+ " but this service has no StoredEnvelopes (is io.sagaref:event-store on the class path?)");
		}
		Map<Long, String> envelopes = stored.envelopes(positions);
		List<Row> resolved = new ArrayList<>(rows.size());
		for (Row row : rows) {
			if (row.envelope() != null) {
				resolved.add(row);
				continue;
			}
			String envelope = envelopes.get(row.eventPosition());
			if (envelope == null) {
				throw new IllegalStateException("Outbox row " + row.id() + " points at event store position "
						+ row.eventPosition() + ", which does not exist");
			}
			resolved.add(new Row(row.id(), row.topic(), row.key(), row.type(), envelope, row.eventPosition()));
		}
		return resolved;
	}

	private void send(List<Row> rows) {
		List<CompletableFuture<?>> acks = new ArrayList<>(rows.size());
		for (Row row : rows) {
			var record = new ProducerRecord<>(row.topic(), row.key(), row.envelope());
			record.headers().add(EventEnvelope.TYPE_HEADER, row.type().getBytes(StandardCharsets.UTF_8));
			acks.add(this.kafka.send(record));
		}
		this.kafka.flush();
		try {
			CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new))
				.get(this.sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while publishing the outbox", ex);
		}
		catch (Exception ex) {
			throw new IllegalStateException("Kafka did not acknowledge an outbox batch", ex);
		}
	}

	private void loop() {
		Duration backoff = Duration.ofMillis(100);
		while (this.running) {
			try {
				int published = publishBatch();
				backoff = Duration.ofMillis(100);
				if (published < this.batchSize) {
					this.wakeUps.tryAcquire(this.pollInterval.toMillis(), TimeUnit.MILLISECONDS);
					this.wakeUps.drainPermits();
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (RuntimeException ex) {
				if (!this.running) {
					return;
				}
				log.warn("Outbox relay failed, retrying in {}: {}", backoff, ex.getMessage());
				sleep(backoff);
				backoff = backoff.multipliedBy(2).compareTo(Duration.ofSeconds(5)) > 0 ? Duration.ofSeconds(5)
						: backoff.multipliedBy(2);
			}
		}
	}

	private void sleep(Duration duration) {
		try {
			this.wakeUps.tryAcquire(duration.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public void start() {
		this.running = true;
		this.worker = Thread.ofPlatform().name("outbox-relay").daemon().start(this::loop);
	}

	@Override
	public void stop() {
		this.running = false;
		Thread thread = this.worker;
		if (thread != null) {
			thread.interrupt();
			try {
				thread.join(Duration.ofSeconds(10));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	private record Row(long id, String topic, String key, String type, @Nullable String envelope,
			@Nullable Long eventPosition) {
	}

}
