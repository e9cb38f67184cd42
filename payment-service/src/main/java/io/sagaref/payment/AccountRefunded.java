package io.sagaref.payment;

/**
 * An order's payment was given back to the account (the saga's compensation).
 *
 * @param orderId the order whose payment was refunded
 * @param amount the sum given back
 */
public record AccountRefunded(OrderId orderId, Money amount) implements AccountEvent {

}
