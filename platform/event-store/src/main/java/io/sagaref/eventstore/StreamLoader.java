package io.sagaref.eventstore;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * Loads a stream's state from the newest usable snapshot plus the events after it, and
 * takes a snapshot every N events ({@code saga.event-store.snapshot-every}, 0 for never).
 * A state at an instant is the same with or without snapshots.
 */
public interface StreamLoader {

	/**
	 * @param <S> the state
	 * @param definition how to fold the stream
	 * @param streamId the stream
	 * @return its current state, empty if the stream has no events
	 */
	<S> Optional<Folded<S>> load(StreamDefinition<S> definition, String streamId);

	/**
	 * @param <S> the state
	 * @param definition how to fold the stream
	 * @param streamId the stream
	 * @param asOf the instant, inclusive
	 * @return the state as it stood then, empty if the stream had no events yet
	 */
	<S> Optional<Folded<S>> loadAsOf(StreamDefinition<S> definition, String streamId, Instant asOf);

	/**
	 * Appends events to a loaded stream and folds them in, taking a snapshot if one is
	 * due. Must run inside a transaction.
	 * @param <S> the state
	 * @param definition how to fold the stream
	 * @param streamId the stream
	 * @param current the state as loaded, null for a new stream
	 * @param events the new events
	 * @param metadata correlation, causation, attributes
	 * @return the stored events and the state after them
	 * @throws ConcurrencyConflictException if another transaction appended first
	 */
	<S> Appended<S> append(StreamDefinition<S> definition, String streamId, @Nullable Folded<S> current,
			List<NewEvent> events, EventMetadata metadata);

	/**
	 * The result of an append.
	 *
	 * @param <S> the state
	 * @param events the stored events
	 * @param state the stream after them
	 */
	record Appended<S>(List<StoredEvent> events, Folded<S> state) {

	}

}
