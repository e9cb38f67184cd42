package io.sagaref.orderquery;

/**
 * What payment-service last did for an order.
 */
public enum PaymentStatus {

	COMPLETED, DECLINED, REFUNDED

}
