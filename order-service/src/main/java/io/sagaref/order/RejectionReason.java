package io.sagaref.order;

/**
 * Why an order was rejected, as told to the customer and carried by OrderRejected.
 */
public enum RejectionReason {

	INSUFFICIENT_FUNDS, UNKNOWN_CUSTOMER, OUT_OF_STOCK, TIMED_OUT

}
