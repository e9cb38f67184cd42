package io.sagaref.order.web;

import java.util.UUID;

import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * State at an instant with a snapshot every two events: the states before and after the
 * snapshot are the same as without one.
 */
@TestPropertySource(properties = "saga.event-store.snapshot-every=2")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class StateAsOfWithSnapshotsIT extends OrderStateAsOfTest {

	@Override
	void assertSnapshots(UUID orderId) {
		assertThat(snapshotsOf(orderId)).as("a snapshot at version 2").isEqualTo(1);
		Integer version = this.jdbc.queryForObject("select stream_version from event_snapshot where stream_id = ?",
				Integer.class, orderId.toString());
		assertThat(version).isEqualTo(2);
	}

}
