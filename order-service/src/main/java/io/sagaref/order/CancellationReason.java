package io.sagaref.order;

/**
 * Why an order was cancelled, carried by OrderCancelled so participants can tell a
 * customer's cancel from other endings.
 */
public enum CancellationReason {

	CUSTOMER_REQUEST

}
