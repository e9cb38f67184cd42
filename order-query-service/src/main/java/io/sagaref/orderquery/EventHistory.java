package io.sagaref.orderquery;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The saga's events as the topics hold them, read directly (no consumer group, nothing
 * committed, no inbox), for the two readers beside the projection: a rebuild replays them
 * from the first one, the in-memory views follow them from now on. Events are read as the
 * projection reads them (same types, same checks); what the projection's listener would
 * dead-letter is skipped.
 */
public interface EventHistory {

	/**
	 * @return a reader at the beginning of every partition of the three topics
	 */
	Replay replay();

	/**
	 * @return a reader at the current end of every partition of the three topics
	 */
	Feed follow();

	/**
	 * A replay of the history from its beginning, in bounded steps.
	 */
	interface Replay extends AutoCloseable {

		/**
		 * @return the end of the history now (committed records only)
		 */
		Position end();

		/**
		 * Hands every event up to {@code end} (and perhaps a few beyond it: the view is
		 * idempotent) to {@code batches}, one poll at a time, in the order of each
		 * partition.
		 * @param end where to stop
		 * @param batches receives each non-empty batch
		 * @return how many events were handed over
		 */
		long readTo(Position end, Consumer<List<RecordedEvent>> batches);

		@Override
		void close();

	}

	/**
	 * The history from the moment it was opened on, handed out no faster than the
	 * projection stores it: an event is handed out only once the projection has stored
	 * every event before it, so a view read from the store then includes every event this
	 * feed handed out before.
	 */
	interface Feed extends AutoCloseable {

		/**
		 * @param timeout how long to wait for events
		 * @return the next events, in the order of each partition; empty if none arrived
		 * or the projection has not caught up with them yet
		 */
		List<RecordedEvent> next(Duration timeout);

		@Override
		void close();

	}

	/**
	 * A position in every partition of the topics: the offset of the next record.
	 *
	 * @param offsets by partition ({@code topic-partition})
	 */
	record Position(Map<String, Long> offsets) {

		public Position {
			offsets = Map.copyOf(offsets);
		}

	}

}
