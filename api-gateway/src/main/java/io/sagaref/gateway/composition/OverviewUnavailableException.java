package io.sagaref.gateway.composition;

/**
 * The source the overview cannot be without (the account, payment-service) failed: down,
 * too slow, its circuit open, or not current yet for the client's {@code readToken}.
 * Answered 503 problem+json naming the source and the reason, with {@code Retry-After},
 * rather than as an overview without its root.
 */
class OverviewUnavailableException extends RuntimeException {

	private final SourceFailure failure;

	OverviewUnavailableException(SourceFailure failure) {
		super(failure.reason() == SourceFailure.Reason.NOT_CURRENT
				? failure.detail() + "; retry shortly with the same readToken"
				: "The overview needs the account, and " + failure.detail() + " (" + failure.reason() + ")", null,
				false, false);
		this.failure = failure;
	}

	SourceFailure failure() {
		return this.failure;
	}

}
