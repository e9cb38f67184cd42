package io.sagaref.messaging.outbox;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RelayFailpointsTest {

	@Test
	void haltsExactlyOnceRightAfterTheConfiguredBatch() {
		var halts = new AtomicInteger();
		var batchesWhenHalted = new AtomicInteger();
		var published = new AtomicInteger();
		var failpoints = new RelayFailpoints(false, 3, () -> {
			halts.incrementAndGet();
			batchesWhenHalted.set(published.get());
		});

		for (int i = 0; i < 5; i++) {
			published.incrementAndGet();
			failpoints.batchPublished();
		}

		assertThat(halts).hasValue(1);
		assertThat(batchesWhenHalted).hasValue(3);
	}

	@Test
	void neverHaltsWhenSwitchedOff() {
		var halts = new AtomicInteger();
		var failpoints = new RelayFailpoints(true, 0, halts::incrementAndGet);

		for (int i = 0; i < 1000; i++) {
			failpoints.batchPublished();
		}

		assertThat(halts).hasValue(0);
		assertThat(failpoints.publishTwice()).isTrue();
	}

	@Test
	void isOffByDefault() {
		var failpoints = RelayFailpoints.none();

		assertThat(failpoints.publishTwice()).isFalse();
		failpoints.batchPublished();
	}

	@Test
	void refusesANegativeBatchNumber() {
		assertThatIllegalArgumentException().isThrownBy(() -> new RelayFailpoints(false, -1, () -> {
		}));
	}

	@Test
	void haltsLikeKillMinusNine() {
		assertThat(RelayFailpoints.KILLED).isEqualTo(137);
	}

}
