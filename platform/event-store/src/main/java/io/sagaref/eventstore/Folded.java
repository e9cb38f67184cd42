package io.sagaref.eventstore;

import java.time.Instant;

/**
 * A stream folded into its state.
 *
 * @param <S> the state
 * @param state the state after the last event
 * @param version the last event's stream version, the expected version of the next append
 * @param recordedAt when that event was recorded
 * @param eventsRead how many events were read (after the snapshot, if one was used)
 * @param fromSnapshot whether the fold started from a snapshot
 */
public record Folded<S>(S state, long version, Instant recordedAt, int eventsRead, boolean fromSnapshot) {

}
