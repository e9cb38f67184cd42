package io.sagaref.gateway.composition;

import io.sagaref.gateway.composition.SourceFailure.Reason;

/**
 * An answer of a source that counts as a failure for its circuit breaker (a 5xx, an
 * unusable body): raised inside the breaker so it is recorded, then turned into a failed
 * {@link SourceReply} by the fallback.
 */
class SourceCallException extends RuntimeException {

	private final Reason reason;

	SourceCallException(Reason reason, String detail) {
		super(detail, null, false, false);
		this.reason = reason;
	}

	Reason reason() {
		return this.reason;
	}

}
