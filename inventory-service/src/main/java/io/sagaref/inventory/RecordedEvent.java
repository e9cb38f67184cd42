package io.sagaref.inventory;

/**
 * An event an aggregate recorded and that is not yet handed to the outbox, numbered in
 * the aggregate's own sequence so consumers can order and deduplicate it.
 *
 * @param <E> the aggregate's events
 * @param aggregateId the sku or the order id, used as message key and correlation id
 * @param sequence the aggregate's event counter after this event (1, 2, ...): its stream
 * version
 * @param event the fact itself
 */
public record RecordedEvent<E>(String aggregateId, long sequence, E event) {
}
