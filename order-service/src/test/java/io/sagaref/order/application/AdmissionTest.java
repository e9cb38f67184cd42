package io.sagaref.order.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import io.sagaref.order.PendingOrders;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AdmissionTest {

	static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

	final AtomicReference<PendingOrders> backlog = new AtomicReference<>(new PendingOrders(0, null));

	final AtomicInteger looks = new AtomicInteger();

	final Admission admission = new Admission(() -> {
		this.looks.incrementAndGet();
		return this.backlog.get();
	}, new AdmissionSettings(100, 10, Duration.ofSeconds(10), Duration.ofSeconds(3), Duration.ofMillis(200)),
			Clock.fixed(NOW, ZoneOffset.UTC));

	@Test
	void admitsWhileTheBacklogIsSmallAndYoung() {
		this.backlog.set(new PendingOrders(99, NOW.minusSeconds(9)));

		assertThatNoException().isThrownBy(this.admission::admit);
	}

	@Test
	void refusesAtTheLimitOfRunningSagas() {
		this.backlog.set(new PendingOrders(100, NOW));

		assertThatThrownBy(this.admission::admit).isInstanceOf(SagaBacklogFullException.class)
			.hasMessageContaining("100 orders are still being processed")
			.satisfies((ex) -> assertThat(((SagaBacklogFullException) ex).retryAfter()).hasSeconds(3));
	}

	@Test
	void refusesWhileABacklogIsNotDrainingInTime() {
		this.backlog.set(new PendingOrders(10, NOW.minusSeconds(11)));

		assertThatThrownBy(this.admission::admit).isInstanceOf(SagaBacklogFullException.class)
			.hasMessageContaining("the oldest for 11 s");
	}

	@Test
	void neverRefusesForOneSlowSagaAlone() {
		this.backlog.set(new PendingOrders(9, NOW.minusSeconds(25)));

		assertThatNoException().isThrownBy(this.admission::admit);
	}

	@Test
	void looksAtTheBacklogOncePerRecheckInterval() {
		this.admission.admit();
		this.admission.admit();
		this.admission.admit();

		assertThat(this.looks).hasValue(1);
	}

}
