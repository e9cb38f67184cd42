package io.sagaref.payment;

/**
 * A captured payment was given back to the customer's account: the saga's compensation.
 *
 * @param orderId the order
 * @param customerId the payer
 * @param amount the sum given back
 * @param reason why
 */
public record PaymentRefunded(OrderId orderId, CustomerId customerId, Money amount,
		RefundReason reason) implements PaymentEvent {

}
