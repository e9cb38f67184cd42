package io.sagaref.order;

/**
 * An event an aggregate recorded, numbered by its version in the aggregate's stream (1,
 * 2, ...) so consumers can tell the order in which they happened.
 *
 * @param <E> the aggregate's events
 * @param aggregateId the aggregate, its stream id
 * @param sequence the event's version within the stream
 * @param event what happened
 */
public record RecordedEvent<E>(String aggregateId, long sequence, E event) {

}
