package io.sagaref.order.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.sagaref.order.PendingOrders;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Makes slow sagas visible before the deadline ends them: {@value #PENDING} (orders still
 * PENDING) and {@value #OLDEST_AGE} (seconds the oldest of them has been waiting). One
 * cheap query on the partial index of pending orders serves both gauges and is reused for
 * {@link #CACHE_FOR}, so frequent scrapes do not load the database; the age is measured
 * at every read from the cached placement time.
 */
@Component
class PendingOrdersMetrics implements MeterBinder {

	static final String PENDING = "saga.orders.pending";

	static final String OLDEST_AGE = "saga.orders.pending.oldest.age";

	static final Duration CACHE_FOR = Duration.ofSeconds(5);

	private final Supplier<PendingOrders> query;

	private final Clock clock;

	private @Nullable PendingOrders cached;

	private Instant cachedAt = Instant.MIN;

	@Autowired
	PendingOrdersMetrics(OrderService orders, Clock clock) {
		this(orders::pendingOrders, clock);
	}

	PendingOrdersMetrics(Supplier<PendingOrders> query, Clock clock) {
		this.query = query;
		this.clock = clock;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge.builder(PENDING, this, PendingOrdersMetrics::pending)
			.description("Orders whose saga has not ended yet")
			.register(registry);
		Gauge.builder(OLDEST_AGE, this, PendingOrdersMetrics::oldestAgeSeconds)
			.description("How long the oldest pending order has been waiting, 0 if none")
			.baseUnit("seconds")
			.register(registry);
	}

	double pending() {
		return current().count();
	}

	double oldestAgeSeconds() {
		return current().oldestAge(this.clock.instant()).toMillis() / 1000.0;
	}

	private synchronized PendingOrders current() {
		Instant now = this.clock.instant();
		PendingOrders pending = this.cached;
		if (pending == null || !now.isBefore(this.cachedAt.plus(CACHE_FOR))) {
			pending = this.query.get();
			this.cached = pending;
			this.cachedAt = now;
		}
		return pending;
	}

}
