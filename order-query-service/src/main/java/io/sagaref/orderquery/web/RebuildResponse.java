package io.sagaref.orderquery.web;

import java.time.Instant;
import java.util.UUID;

import io.sagaref.orderquery.Rebuild;
import org.jspecify.annotations.Nullable;

/**
 * A rebuild as JSON; {@code completedAt} is null while it runs.
 */
record RebuildResponse(UUID rebuildId, Rebuild.Status status, long eventsReplayed, Instant startedAt,
		@Nullable Instant completedAt) {

	static RebuildResponse of(Rebuild rebuild) {
		return new RebuildResponse(rebuild.rebuildId(), rebuild.status(), rebuild.eventsReplayed(), rebuild.startedAt(),
				rebuild.completedAt());
	}

}
