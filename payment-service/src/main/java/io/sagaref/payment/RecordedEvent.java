package io.sagaref.payment;

/**
 * An event an aggregate recorded, numbered among all events of that aggregate (1, 2, ...)
 * so consumers can tell the order in which they happened.
 *
 * @param aggregateId the aggregate, e.g. the order id of a payment
 * @param sequence the event's number within its aggregate: the aggregate's stream version
 * after it
 * @param event the event
 * @param <E> the aggregate's events
 */
public record RecordedEvent<E>(String aggregateId, long sequence, E event) {

}
