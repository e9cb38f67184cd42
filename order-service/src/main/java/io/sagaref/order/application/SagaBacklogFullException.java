package io.sagaref.order.application;

import java.time.Duration;

/**
 * A new order refused because the sagas already running would not leave it time to
 * finish; the client should retry after {@link #retryAfter()}.
 */
public class SagaBacklogFullException extends RuntimeException {

	private final Duration retryAfter;

	public SagaBacklogFullException(String message, Duration retryAfter) {
		super(message);
		this.retryAfter = retryAfter;
	}

	public Duration retryAfter() {
		return this.retryAfter;
	}

}
