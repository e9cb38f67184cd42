package io.sagaref.eventstore;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * How a service folds one kind of stream into its state, and writes that state as a
 * snapshot. Implemented by a service's persistence adapter; the domain's own
 * {@code apply} does the folding.
 *
 * @param <S> the state
 */
public interface StreamDefinition<S> {

	/**
	 * @return the kind of stream ({@code order}, {@code account})
	 */
	String streamType();

	/**
	 * @return the version of the snapshot shape; raise it whenever {@link #snapshotOf}
	 * changes, and every older snapshot is ignored and replaced
	 */
	int snapshotSchemaVersion();

	/**
	 * @param state the state so far, null before the first event
	 * @param event the next event
	 * @return the state after it
	 */
	S fold(@Nullable S state, StoredEvent event);

	JsonNode snapshotOf(S state);

	S fromSnapshot(JsonNode snapshot);

}
