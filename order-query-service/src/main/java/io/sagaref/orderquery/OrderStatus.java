package io.sagaref.orderquery;

/**
 * An order's status as order-service last announced it.
 */
public enum OrderStatus {

	PENDING, CONFIRMED, REJECTED, CANCELLED

}
