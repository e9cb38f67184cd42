package io.sagaref.orderquery;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One rebuild of the read model from the topics, as an operator follows it.
 *
 * @param rebuildId its id
 * @param status where it is
 * @param eventsReplayed how many events it has folded so far
 * @param startedAt when it started
 * @param completedAt when it completed or failed
 */
public record Rebuild(UUID rebuildId, Status status, long eventsReplayed, Instant startedAt,
		@Nullable Instant completedAt) {

	public Rebuild {
		Require.present(rebuildId, "rebuildId");
		Require.present(status, "status");
		Require.present(startedAt, "startedAt");
	}

	/** Where a rebuild is. */
	public enum Status {

		RUNNING, COMPLETED, FAILED

	}

}
