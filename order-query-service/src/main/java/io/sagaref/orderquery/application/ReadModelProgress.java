package io.sagaref.orderquery.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.sagaref.orderquery.OrderViews;
import io.sagaref.orderquery.RecordedEvent;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * How current the read model is. {@link #asOf()} is when the newest event the read model
 * has stored happened (the {@code Read-Model-As-Of} header): read from the store once
 * ({@code max(occurred_at)} of the timelines, so it survives restarts), then advanced in
 * memory by the projection's commits and by what the in-memory views know is stored. The
 * gauge {@value #LAG} is the age of the newest event of the projection's last commit, at
 * the time it committed: how far behind the events the projection was when it last
 * applied some (it stays at that value while nothing arrives, rather than growing with an
 * idle topic). The counter {@value #APPLIED} counts the events the live projection
 * applied; a rebuild never adds to it.
 */
@Component
public class ReadModelProgress {

	/** Seconds between an applied event's occurrence and its commit to the views. */
	public static final String LAG = "read_model.projection.lag";

	/** Events the live projection applied to views. */
	public static final String APPLIED = "read_model.projection.events";

	private final OrderViews views;

	private final Clock clock;

	private final AtomicReference<@Nullable Instant> newest = new AtomicReference<>();

	private final Counter applied;

	private volatile boolean loaded;

	private volatile double lagSeconds;

	@Autowired
	public ReadModelProgress(OrderViews views, MeterRegistry meters) {
		this(views, meters, Clock.systemUTC());
	}

	ReadModelProgress(OrderViews views, MeterRegistry meters, Clock clock) {
		this.views = views;
		this.clock = clock;
		this.applied = Counter.builder(APPLIED)
			.description("Events the live projection applied to views")
			.register(meters);
		Gauge.builder(LAG, this, (progress) -> progress.lagSeconds)
			.baseUnit("seconds")
			.description("Age of the newest event of the projection's last commit, when it committed")
			.register(meters);
	}

	/**
	 * @return when the newest event the read model has stored happened; empty if none
	 */
	public Optional<Instant> asOf() {
		if (!this.loaded) {
			synchronized (this) {
				if (!this.loaded) {
					this.views.newestEventAt().ifPresent(this::stored);
					this.loaded = true;
				}
			}
		}
		return Optional.ofNullable(this.newest.get());
	}

	/**
	 * The projection committed these events to the views.
	 * @param events the events applied
	 */
	void applied(List<RecordedEvent> events) {
		Instant newestApplied = events.stream().map(RecordedEvent::occurredAt).max(Instant::compareTo).orElseThrow();
		this.lagSeconds = Duration.between(newestApplied, this.clock.instant()).toNanos() / 1e9;
		this.applied.increment(events.size());
		stored(newestApplied);
	}

	/**
	 * @param occurredAt when an event now known to be stored happened
	 */
	void stored(Instant occurredAt) {
		this.newest.accumulateAndGet(occurredAt,
				(current, candidate) -> (current == null || candidate.isAfter(current)) ? candidate : current);
	}

	/**
	 * The tables were replaced by a rebuild: read the newest event from them again.
	 */
	void reload() {
		this.views.newestEventAt().ifPresent(this::stored);
		this.loaded = true;
	}

}
