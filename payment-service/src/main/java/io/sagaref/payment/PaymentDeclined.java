package io.sagaref.payment;

/**
 * The order could not be paid; nothing was taken.
 *
 * @param orderId the order
 * @param customerId the customer the order named
 * @param amount the sum that was asked for
 * @param reason why
 */
public record PaymentDeclined(OrderId orderId, CustomerId customerId, Money amount,
		DeclineReason reason) implements PaymentEvent {

}
