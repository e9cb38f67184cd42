package io.sagaref.notification;

/**
 * Where a delivery stands: waiting for its next attempt, acknowledged with a 2xx, or
 * given up (retries exhausted, or the endpoint is gone).
 */
public enum DeliveryStatus {

	PENDING, DELIVERED, FAILED

}
