package io.sagaref.order.application;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.sagaref.order.PendingOrders;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PendingOrdersMetricsTest {

	private static final Instant START = Instant.parse("2026-01-01T12:00:00Z");

	private final MutableClock clock = new MutableClock(START);

	private final AtomicInteger queries = new AtomicInteger();

	private PendingOrders stored = new PendingOrders(3, START.minusSeconds(20));

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	/** Held here because a gauge keeps only a weak reference to what it measures. */
	private final PendingOrdersMetrics metrics;

	PendingOrdersMetricsTest() {
		this.metrics = new PendingOrdersMetrics(() -> {
			this.queries.incrementAndGet();
			return this.stored;
		}, this.clock);
		this.metrics.bindTo(this.registry);
	}

	private double gauge(String name) {
		return this.registry.get(name).gauge().value();
	}

	@Test
	void reportsTheCountAndTheAgeOfTheOldestPendingOrder() {
		assertThat(gauge("saga.orders.pending")).isEqualTo(3);
		assertThat(gauge("saga.orders.pending.oldest.age")).isEqualTo(20);
		assertThat(this.registry.get("saga.orders.pending.oldest.age").gauge().getId().getBaseUnit())
			.isEqualTo("seconds");
	}

	@Test
	void queriesTheDatabaseAtMostOnceEveryFewSecondsWhileTheAgeKeepsGrowing() {
		gauge("saga.orders.pending");
		this.stored = new PendingOrders(1, START.minusSeconds(2));
		this.clock.advance(Duration.ofSeconds(4));

		assertThat(gauge("saga.orders.pending")).isEqualTo(3);
		assertThat(gauge("saga.orders.pending.oldest.age")).isEqualTo(24);
		assertThat(this.queries).hasValue(1);

		this.clock.advance(Duration.ofSeconds(1));

		assertThat(gauge("saga.orders.pending")).isEqualTo(1);
		assertThat(gauge("saga.orders.pending.oldest.age")).isEqualTo(7);
		assertThat(this.queries).hasValue(2);
	}

	@Test
	void reportsZeroAgeWhenNoOrderIsPending() {
		this.stored = new PendingOrders(0, null);

		assertThat(gauge("saga.orders.pending")).isZero();
		assertThat(gauge("saga.orders.pending.oldest.age")).isZero();
	}

}
