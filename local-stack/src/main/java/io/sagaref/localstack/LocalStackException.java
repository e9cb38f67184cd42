package io.sagaref.localstack;

/**
 * The local stack could not do what was asked; the message says why and what to do (a
 * missing jar and the command that builds it, a busy port, a service's last log lines).
 */
public class LocalStackException extends RuntimeException {

	public LocalStackException(String message) {
		super(message);
	}

	public LocalStackException(String message, Throwable cause) {
		super(message, cause);
	}

}
