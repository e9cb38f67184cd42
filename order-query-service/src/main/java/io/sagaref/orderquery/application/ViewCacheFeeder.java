package io.sagaref.orderquery.application;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import io.sagaref.orderquery.EventHistory;
import io.sagaref.orderquery.OrderId;
import io.sagaref.orderquery.RecordedEvent;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Keeps this instance's {@link ViewCache} current: one thread follows every partition of
 * the three topics from the end (where they were when the instance started), with no
 * consumer group, and folds each batch into the cache. It follows behind the projection
 * (see {@link EventHistory.Feed}), so everything of a batch before it is stored, which
 * also lets it advance Read-Model-As-Of by events that other instances' projections
 * stored. If following fails, the cache is cleared (it may have missed events) and the
 * feed starts again from the end.
 */
@Component
class ViewCacheFeeder implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(ViewCacheFeeder.class);

	private static final Duration POLL = Duration.ofMillis(200);

	private final EventHistory history;

	private final ViewCache cache;

	private final ViewChanges changes;

	private final ReadModelProgress progress;

	private volatile boolean running;

	private @Nullable Thread thread;

	ViewCacheFeeder(EventHistory history, ViewCache cache, ViewChanges changes, ReadModelProgress progress) {
		this.history = history;
		this.cache = cache;
		this.changes = changes;
		this.progress = progress;
	}

	@Override
	public void start() {
		if (!this.cache.enabled()) {
			return;
		}
		this.running = true;
		this.thread = Thread.ofPlatform().daemon().name("view-cache-feeder").start(this::follow);
	}

	private void follow() {
		while (this.running) {
			try (EventHistory.Feed feed = this.history.follow()) {
				@Nullable Instant previousNewest = null;
				while (this.running) {
					List<RecordedEvent> events = feed.next(POLL);
					if (events.isEmpty()) {
						continue;
					}
					if (previousNewest != null) {
						// the feed hands out a batch once everything before it is stored
						this.progress.stored(previousNewest);
					}
					previousNewest = events.stream()
						.map(RecordedEvent::occurredAt)
						.max(Instant::compareTo)
						.orElseThrow();
					Set<OrderId> changed = this.cache.apply(events);
					this.changes.changed(changed);
				}
			}
			catch (RuntimeException ex) {
				if (this.running) {
					log.warn("Following the topics for the in-memory views failed; clearing them and starting again",
							ex);
					this.cache.clear();
					pause();
				}
			}
		}
	}

	private void pause() {
		try {
			Thread.sleep(1000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.running = false;
		}
	}

	@Override
	public void stop() {
		this.running = false;
		Thread thread = this.thread;
		if (thread != null) {
			try {
				thread.join(Duration.ofSeconds(5));
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

}
