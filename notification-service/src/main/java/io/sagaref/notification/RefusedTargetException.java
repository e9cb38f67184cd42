package io.sagaref.notification;

/**
 * A webhook URL this service will not deliver to (answered 422 at registration; a failed
 * attempt at delivery time).
 */
public class RefusedTargetException extends IllegalArgumentException {

	public RefusedTargetException(String message) {
		super(message);
	}

}
