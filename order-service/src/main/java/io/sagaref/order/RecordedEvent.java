package io.sagaref.order;

/**
 * An event an aggregate recorded, numbered among all events of that aggregate (1, 2, ...)
 * so consumers can tell the order in which they happened.
 *
 * @param <E> the aggregate's events
 * @param aggregateId the aggregate
 * @param sequence the event's number within the aggregate
 * @param event what happened
 */
public record RecordedEvent<E>(String aggregateId, long sequence, E event) {

}
