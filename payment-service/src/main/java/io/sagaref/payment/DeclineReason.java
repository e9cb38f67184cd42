package io.sagaref.payment;

/**
 * Why an order could not be paid; the values are part of the PaymentDeclined contract.
 */
public enum DeclineReason {

	INSUFFICIENT_FUNDS, UNKNOWN_CUSTOMER

}
