package io.sagaref.web;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * Read-your-writes: every command answer carries a {@value #HEADER} header naming the
 * write it made (the service that made it, the aggregate, the aggregate's version after
 * it). A query given {@code ?readToken=} answers only once its view includes that write;
 * a view that holds nothing of the token's source or aggregate includes it trivially, and
 * the service that made the write reads its own database, which always does. Opaque to
 * clients: base64url of {@code source:id:version}.
 *
 * @param source the service that made the write ({@code order-service})
 * @param id the aggregate it changed
 * @param version the aggregate's version (event sequence) after the write
 */
public record ReadToken(String source, String id, long version) {

	/** The response header of every command answer. */
	public static final String HEADER = "Read-Token";

	/** The query parameter of every query. */
	public static final String PARAMETER = "readToken";

	public ReadToken {
		Objects.requireNonNull(source, "source");
		Objects.requireNonNull(id, "id");
		if (source.contains(":") || id.contains(":")) {
			throw new IllegalArgumentException("source and id must not contain ':'");
		}
	}

	/**
	 * @return the token as sent to clients
	 */
	public String encode() {
		return Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString((this.source + ":" + this.id + ":" + this.version).getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * @param token a token from a {@value #HEADER} header
	 * @return the write it names
	 * @throws InvalidReadTokenException if it is not a token this system issued
	 */
	public static ReadToken parse(String token) {
		try {
			String[] parts = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split(":", -1);
			if (parts.length == 3 && !parts[0].isEmpty() && !parts[1].isEmpty()) {
				long version = Long.parseLong(parts[2]);
				if (version >= 0) {
					return new ReadToken(parts[0], parts[1], version);
				}
			}
		}
		catch (IllegalArgumentException ex) {
			// answered below (a NumberFormatException is one too)
		}
		throw new InvalidReadTokenException(token);
	}

	/**
	 * What a service answers a query with a token of its own writes: nothing to wait for
	 * (its own database holds every write it answered), but a token this system did not
	 * issue is still refused.
	 * @param token the query's {@value #PARAMETER}, if it sent one
	 * @throws InvalidReadTokenException if it is not a token this system issued
	 */
	public static void check(@Nullable String token) {
		if (token != null) {
			parse(token);
		}
	}

	/**
	 * A {@code readToken} that no command of this system issued; answered 400.
	 */
	public static class InvalidReadTokenException extends IllegalArgumentException {

		InvalidReadTokenException(String token) {
			super("'" + token + "' is not a read token: send back the " + HEADER
					+ " header of a command answer unchanged");
		}

	}

	/**
	 * The view did not include the token's write within the wait; answered 503 with
	 * Retry-After.
	 */
	public static class NotYetVisibleException extends RuntimeException {

		public NotYetVisibleException(ReadToken token, java.time.Duration waited) {
			super("The view does not include write " + token.id() + "@" + token.version() + " of " + token.source()
					+ " yet (waited " + waited.toMillis() + " ms); retry shortly with the same readToken");
		}

	}

}
