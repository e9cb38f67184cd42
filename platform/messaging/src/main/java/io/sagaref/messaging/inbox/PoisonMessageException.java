package io.sagaref.messaging.inbox;

/**
 * A message that no retry can fix: unparseable, of an unknown type or version, or
 * rejected by its handler as invalid. It goes straight to the dead-letter topic so its
 * partition moves on.
 */
public class PoisonMessageException extends RuntimeException {

	public PoisonMessageException(String message) {
		super(message);
	}

	public PoisonMessageException(String message, Throwable cause) {
		super(message, cause);
	}

}
