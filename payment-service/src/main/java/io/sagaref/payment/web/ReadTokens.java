package io.sagaref.payment.web;

import io.sagaref.payment.CustomerId;
import io.sagaref.web.ReadToken;
import org.jspecify.annotations.Nullable;

/**
 * Read-your-writes for accounts: a command answers the account's stream version after its
 * write as a {@link ReadToken}; a query given one answers at once, since this service
 * reads its own database, which already holds every write it answered for. A token is
 * still checked, so a garbled one is a 400 here as everywhere else.
 */
final class ReadTokens {

	/** The source of the tokens this service issues. */
	static final String SOURCE = "payment-service";

	private ReadTokens() {
	}

	/**
	 * @return the {@value ReadToken#HEADER} header's value for a write of an account
	 */
	static String issue(CustomerId customerId, long version) {
		return new ReadToken(SOURCE, customerId.toString(), version).encode();
	}

	/**
	 * @param token the query's {@value ReadToken#PARAMETER}, if any
	 * @throws ReadToken.InvalidReadTokenException if it is not a token
	 */
	static void check(@Nullable String token) {
		ReadToken.check(token);
	}

}
