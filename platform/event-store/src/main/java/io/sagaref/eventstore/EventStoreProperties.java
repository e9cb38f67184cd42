package io.sagaref.eventstore;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the event store, under {@code saga.event-store}.
 *
 * @param snapshotEvery take a snapshot of a stream whenever an append makes its version
 * cross a multiple of this; 0 never takes (nor reads) snapshots
 */
@ConfigurationProperties("saga.event-store")
public record EventStoreProperties(@DefaultValue("50") int snapshotEvery) {

	public EventStoreProperties {
		if (snapshotEvery < 0) {
			throw new IllegalArgumentException("saga.event-store.snapshot-every must not be negative");
		}
	}

}
