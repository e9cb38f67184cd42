package io.sagaref.payment;

/**
 * Where a payment stands: money taken, money given back, or never taken.
 */
public enum PaymentStatus {

	CAPTURED, REFUNDED, DECLINED

}
