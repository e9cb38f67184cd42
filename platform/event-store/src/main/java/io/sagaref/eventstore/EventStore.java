package io.sagaref.eventstore;

import java.time.Instant;
import java.util.List;

/**
 * The service's event log. Appends run in the caller's transaction, so events commit with
 * every other change of that transaction (a current-state row, an inbox mark) or not at
 * all.
 */
public interface EventStore {

	/**
	 * Appends events to a stream, numbered {@code expectedVersion + 1, + 2, ...}. An
	 * event with a {@link NewEvent.Publication} is queued for the outbox relay, which
	 * publishes it from the store after commit. Must run inside a transaction.
	 * @param streamType the kind of stream
	 * @param streamId the stream
	 * @param expectedVersion the version the caller read, 0 for a new stream
	 * @param events what happened, oldest first
	 * @param metadata correlation, causation (filled from the event being consumed on
	 * this thread if null) and attributes
	 * @return the stored events
	 * @throws ConcurrencyConflictException if the stream is no longer at
	 * {@code expectedVersion}
	 */
	List<StoredEvent> append(String streamType, String streamId, long expectedVersion, List<NewEvent> events,
			EventMetadata metadata);

	/**
	 * @param streamId the stream
	 * @param afterVersion 0 for the whole stream
	 * @return its events after that version, oldest first, upcast
	 */
	List<StoredEvent> readStream(String streamId, long afterVersion);

	/**
	 * @param streamId the stream
	 * @param afterVersion 0 for the whole stream
	 * @param until the instant, inclusive
	 * @return its events after that version recorded at or before the instant, upcast
	 */
	List<StoredEvent> readStreamUntil(String streamId, long afterVersion, Instant until);

	/**
	 * Reads the log in commit order. Only events of transactions that ended before every
	 * transaction still running began are returned, so a reader that resumes from the
	 * last position it got never skips an event whose transaction committed late.
	 * @param after the last position read, {@link LogPosition#START} for the beginning
	 * @param limit most events to return
	 * @return the next events, upcast
	 */
	List<StoredEvent> readAll(LogPosition after, int limit);

	/**
	 * @param streamType the kind of stream
	 * @return the id of every stream of that kind, in the order they began
	 */
	List<String> streamIds(String streamType);

}
