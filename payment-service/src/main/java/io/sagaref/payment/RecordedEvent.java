package io.sagaref.payment;

/**
 * An event a payment recorded, numbered among all events of that payment (1, 2, ...) so
 * consumers can tell the order in which they happened.
 *
 * @param sequence the event's number within its payment
 * @param event the event
 */
public record RecordedEvent(long sequence, PaymentEvent event) {

}
