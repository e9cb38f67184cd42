package io.sagaref.orderquery;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The record of rebuilds, shared by every instance: at most one runs at a time.
 */
public interface Rebuilds {

	/**
	 * Records a new running rebuild.
	 * @param rebuildId its id
	 * @param startedAt now
	 * @return the rebuild
	 * @throws IllegalStateException if another one is running
	 */
	Rebuild start(UUID rebuildId, Instant startedAt);

	/**
	 * @param rebuildId a running rebuild
	 * @param eventsReplayed how many events it has folded so far
	 */
	void progress(UUID rebuildId, long eventsReplayed);

	/**
	 * @param rebuildId a running rebuild
	 * @param status COMPLETED or FAILED
	 * @param eventsReplayed how many events it folded
	 * @param at now
	 */
	void finish(UUID rebuildId, Rebuild.Status status, long eventsReplayed, Instant at);

	/**
	 * @param rebuildId a rebuild
	 * @return it, if recorded
	 */
	Optional<Rebuild> find(UUID rebuildId);

}
