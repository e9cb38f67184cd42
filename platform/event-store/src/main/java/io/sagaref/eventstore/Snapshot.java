package io.sagaref.eventstore;

import java.time.Instant;

import tools.jackson.databind.JsonNode;

/**
 * A stream's state after some version, so that loading it reads only the events after.
 *
 * @param streamId the stream
 * @param streamVersion the last event folded into the state
 * @param schemaVersion the version of the state's shape; a snapshot of another version is
 * ignored (and replaced), never read
 * @param state the state as JSON
 * @param recordedAt when the last event folded into it was recorded, so that a state at
 * an earlier instant does not start from it
 */
public record Snapshot(String streamId, long streamVersion, int schemaVersion, JsonNode state, Instant recordedAt) {

}
