package io.sagaref.orderquery.application;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import io.sagaref.orderquery.EventHistory;
import io.sagaref.orderquery.EventHistory.Position;
import io.sagaref.orderquery.OrderViews;
import io.sagaref.orderquery.Rebuild;
import io.sagaref.orderquery.Rebuilds;
import io.sagaref.orderquery.ViewTables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rebuilds the read model from the topics without downtime. It replays every event from
 * the beginning into shadow tables ({@link ViewTables}), folding with the projection's
 * own code ({@link ViewFolding}), up to where the topics ended when it started; then, in
 * one transaction, it locks the live tables against the projection (queries go on),
 * replays what arrived meanwhile, and swaps the shadow in; queries wait only for the
 * swap. The shadow may hold more than the live tables did (the projection may be behind):
 * the views are idempotent, so the projection skips what the rebuild already applied.
 * <p>
 * A rebuild writes only the shadow tables, and it does not go through the
 * {@link OrderProjection}: replaying says nothing (no progress, no wake-ups, no metrics
 * of the live projection), and this service publishes no events. It runs on a virtual
 * thread of its own; one at a time across instances ({@link Rebuilds#start}).
 */
@Service
public class ReadModelRebuilder {

	private static final Logger log = LoggerFactory.getLogger(ReadModelRebuilder.class);

	private final Rebuilds rebuilds;

	private final EventHistory history;

	private final ViewTables tables;

	private final ViewCache cache;

	private final ReadModelProgress progress;

	private final TransactionTemplate transactions;

	public ReadModelRebuilder(Rebuilds rebuilds, EventHistory history, ViewTables tables, ViewCache cache,
			ReadModelProgress progress, PlatformTransactionManager transactions) {
		this.rebuilds = rebuilds;
		this.history = history;
		this.tables = tables;
		this.cache = cache;
		this.progress = progress;
		this.transactions = new TransactionTemplate(transactions);
	}

	/**
	 * Starts a rebuild in the background.
	 * @return the rebuild, running
	 * @throws IllegalStateException if one is running already
	 */
	public Rebuild start() {
		Rebuild rebuild = this.rebuilds.start(UUID.randomUUID(), Instant.now());
		Thread.ofVirtual().name("read-model-rebuild-" + rebuild.rebuildId()).start(() -> run(rebuild.rebuildId()));
		return rebuild;
	}

	/**
	 * @param rebuildId a rebuild
	 * @return it, if there was one
	 */
	public Optional<Rebuild> find(UUID rebuildId) {
		return this.rebuilds.find(rebuildId);
	}

	private void run(UUID rebuildId) {
		long started = System.nanoTime();
		AtomicLong replayed = new AtomicLong();
		try (EventHistory.Replay replay = this.history.replay()) {
			this.tables.createShadow();
			OrderViews shadow = this.tables.shadow();
			Position end = replay.end();
			replay.readTo(end, (batch) -> {
				this.transactions.executeWithoutResult((tx) -> ViewFolding.fold(shadow, batch));
				this.rebuilds.progress(rebuildId, replayed.addAndGet(batch.size()));
			});
			long bulk = replayed.get();
			long swapStarted = System.nanoTime();
			this.transactions.executeWithoutResult((tx) -> {
				this.tables.lockLive();
				replay.readTo(replay.end(), (batch) -> {
					ViewFolding.fold(shadow, batch);
					replayed.addAndGet(batch.size());
				});
				this.tables.swapInShadow();
			});
			this.cache.clear();
			this.progress.reload();
			this.rebuilds.finish(rebuildId, Rebuild.Status.COMPLETED, replayed.get(), Instant.now());
			log.info(
					"Rebuilt the read model from {} events in {} ms ({} replayed while the live tables were locked,"
							+ " for {} ms)",
					replayed.get(), (System.nanoTime() - started) / 1_000_000, replayed.get() - bulk,
					(System.nanoTime() - swapStarted) / 1_000_000);
		}
		catch (RuntimeException ex) {
			log.error("Rebuild {} of the read model failed after {} events; the live tables are unchanged", rebuildId,
					replayed.get(), ex);
			try {
				this.tables.dropShadow();
			}
			finally {
				this.rebuilds.finish(rebuildId, Rebuild.Status.FAILED, replayed.get(), Instant.now());
			}
		}
	}

}
