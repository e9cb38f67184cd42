package io.sagaref.payment;

/**
 * The facts a payment records. Each one is published as-is on {@code payments.events},
 * under its simple class name, so the record components are the contract's fields (ids
 * and amounts are written as their JSON values: a UUID string, a number with two
 * decimals).
 */
public sealed interface PaymentEvent permits PaymentCompleted, PaymentDeclined, PaymentRefunded {

	OrderId orderId();

}
