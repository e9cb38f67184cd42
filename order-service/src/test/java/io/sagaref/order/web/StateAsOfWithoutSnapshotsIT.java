package io.sagaref.order.web;

import java.util.UUID;

import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * State at an instant without snapshots: every answer is folded from the first event.
 */
@TestPropertySource(properties = "saga.event-store.snapshot-every=0")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class StateAsOfWithoutSnapshotsIT extends OrderStateAsOfTest {

	@Override
	void assertSnapshots(UUID orderId) {
		assertThat(snapshotsOf(orderId)).isZero();
	}

}
