package io.sagaref.gateway.composition;

/**
 * Why one section of the overview is missing, so a client (and an operator reading the
 * answer) can tell a slow source from one that is down, one the gateway stopped asking,
 * and one that is up but not current yet.
 *
 * @param source the service that failed, e.g. {@code inventory-service}
 * @param section the section it was asked for: {@code account}, {@code orders} or
 * {@code availability}
 * @param reason the kind of failure
 * @param detail what happened, in words
 */
public record SourceFailure(String source, String section, Reason reason, String detail) {

	/** The kinds of failure a source call can end in. */
	public enum Reason {

		/** No answer within the per-source deadline. */
		TIMEOUT,
		/**
		 * The source's circuit breaker is open after repeated failures: it was not
		 * called.
		 */
		CIRCUIT_OPEN,
		/** No connection could be made (refused, unknown host, connect timeout). */
		UNREACHABLE,
		/** The source answered with a 5xx status. */
		ERROR_5XX,
		/** The source's view does not include the write of the client's readToken yet. */
		NOT_CURRENT,
		/**
		 * Any other answer the gateway cannot use (unexpected status, unreadable body).
		 */
		BAD_ANSWER

	}

}
