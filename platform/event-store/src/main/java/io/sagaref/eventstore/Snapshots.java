package io.sagaref.eventstore;

import java.time.Instant;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * Snapshots of streams, in the table {@code event_snapshot}. Several per stream are kept
 * (one every N events), so a state at an instant can start from the newest one taken
 * before it.
 */
public interface Snapshots {

	/**
	 * @param streamId the stream
	 * @param schemaVersion the state shape the caller reads
	 * @param until only snapshots whose last event was recorded at or before this
	 * instant, or null for the newest
	 * @return the newest such snapshot of that schema version
	 */
	Optional<Snapshot> latest(String streamId, int schemaVersion, @Nullable Instant until);

	/**
	 * Stores a snapshot in the caller's transaction (replacing one at the same version).
	 * @param streamType the kind of stream
	 * @param snapshot the snapshot
	 */
	void save(String streamType, Snapshot snapshot);

	/**
	 * Deletes every snapshot of one kind of stream (for a rebuild).
	 * @param streamType the kind of stream
	 * @return how many were deleted
	 */
	int deleteAll(String streamType);

}
