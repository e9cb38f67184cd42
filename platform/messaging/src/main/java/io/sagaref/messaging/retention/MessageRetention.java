package io.sagaref.messaging.retention;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Keeps the outbox and the inbox from growing without bound. Every {@code interval} it
 * deletes, in batches of at most {@code batchSize} rows (one short statement each, so it
 * never holds many locks for long and skips rows another instance is deleting):
 * <ul>
 * <li>outbox rows published more than {@code outbox} ago. A row that was never published
 * is never deleted, however old: it is an event the relay still owes the other services,
 * and deleting it would lose the event silently. An old unpublished row is a symptom
 * (Kafka unreachable, relay stuck) to alert on, not garbage.</li>
 * <li>inbox ({@code processed_message}) rows older than {@code inbox}. The inbox is what
 * makes a redelivered event harmless, so it must remember an event for longer than the
 * event can come back: a relay republishing after a crash, a consumer re-reading
 * uncommitted offsets after a restart or rebalance, an operator replaying a dead letter.
 * Once a row is gone, a late copy of its event is applied a second time.</li>
 * </ul>
 * Ages are measured by the database clock, the one that stamped the rows.
 */
public class MessageRetention implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(MessageRetention.class);

	private static final String DELETE_PUBLISHED_OUTBOX_ROWS = """
			delete from outbox where id in (
			  select id from outbox
			  where published_at is not null and published_at < now() - ? * interval '1 millisecond'
			  limit ? for update skip locked)""";

	private static final String DELETE_OLD_INBOX_ROWS = """
			delete from processed_message where (event_id, consumer) in (
			  select event_id, consumer from processed_message
			  where processed_at < now() - ? * interval '1 millisecond'
			  limit ? for update skip locked)""";

	private final JdbcTemplate jdbc;

	private final boolean enabled;

	private final Duration outbox;

	private final Duration inbox;

	private final Duration interval;

	private final int batchSize;

	private @Nullable ScheduledExecutorService scheduler;

	/**
	 * @param jdbc the service's database
	 * @param enabled whether {@link #start()} schedules the job
	 * @param outbox how long published outbox rows are kept
	 * @param inbox how long inbox rows are kept
	 * @param interval pause between runs
	 * @param batchSize most rows per delete statement
	 */
	public MessageRetention(JdbcTemplate jdbc, boolean enabled, Duration outbox, Duration inbox, Duration interval,
			int batchSize) {
		this.jdbc = jdbc;
		this.enabled = enabled;
		this.outbox = outbox;
		this.inbox = inbox;
		this.interval = interval;
		this.batchSize = batchSize;
	}

	/**
	 * Deletes everything that is due now, batch by batch.
	 * @return how many rows were deleted
	 */
	public Purged purge() {
		long outboxRows = deleteInBatches(DELETE_PUBLISHED_OUTBOX_ROWS, this.outbox);
		long inboxRows = deleteInBatches(DELETE_OLD_INBOX_ROWS, this.inbox);
		return new Purged(outboxRows, inboxRows);
	}

	private long deleteInBatches(String sql, Duration age) {
		long total = 0;
		int deleted;
		do {
			deleted = this.jdbc.update(sql, age.toMillis(), this.batchSize);
			total += deleted;
		}
		while (deleted == this.batchSize);
		return total;
	}

	private void run() {
		try {
			Purged purged = purge();
			if (purged.outboxRows() > 0 || purged.inboxRows() > 0) {
				log.info("Retention deleted {} published outbox rows and {} inbox rows", purged.outboxRows(),
						purged.inboxRows());
			}
		}
		catch (RuntimeException ex) {
			log.warn("Retention failed, trying again in {}: {}", this.interval, ex.getMessage());
		}
	}

	@Override
	public synchronized void start() {
		if (!this.enabled || this.scheduler != null) {
			return;
		}
		var scheduler = Executors
			.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("messaging-retention").daemon().factory());
		long millis = this.interval.toMillis();
		scheduler.scheduleWithFixedDelay(this::run, millis, millis, TimeUnit.MILLISECONDS);
		this.scheduler = scheduler;
	}

	@Override
	public synchronized void stop() {
		ScheduledExecutorService scheduler = this.scheduler;
		if (scheduler != null) {
			scheduler.shutdownNow();
			this.scheduler = null;
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return this.scheduler != null;
	}

	/**
	 * What one purge deleted.
	 *
	 * @param outboxRows published outbox rows deleted
	 * @param inboxRows inbox rows deleted
	 */
	public record Purged(long outboxRows, long inboxRows) {
	}

}
