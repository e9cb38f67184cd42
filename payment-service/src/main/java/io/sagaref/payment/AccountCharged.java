package io.sagaref.payment;

/**
 * An order's payment took money from the account.
 *
 * @param orderId the order paid
 * @param amount the sum taken
 */
public record AccountCharged(OrderId orderId, Money amount) implements AccountEvent {

}
