package io.sagaref.gateway.composition;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The gateway's check of a client's {@code readToken}, by the rule of
 * {@code io.sagaref.web.ReadToken.parse}: base64url of {@code source:id:version}, source
 * and id not empty, version a number of at least 0. Kept here rather than shared because
 * web-support is servlet-based and the gateway is reactive (and shares no code with the
 * services); the gateway only needs to refuse garbage before it asks three services, and
 * forwards the token unchanged.
 */
final class ReadTokens {

	private ReadTokens() {
	}

	/**
	 * @param token a {@code readToken} as the client sent it
	 * @return whether it has the shape of a token this system issues
	 */
	static boolean isWellFormed(String token) {
		try {
			String[] parts = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split(":", -1);
			return parts.length == 3 && !parts[0].isEmpty() && !parts[1].isEmpty() && Long.parseLong(parts[2]) >= 0;
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	/**
	 * @param token the token refused
	 * @return the detail of the 400 problem, as the services word it
	 */
	static String invalid(String token) {
		return "'" + token + "' is not a read token: send back the Read-Token header of a command answer unchanged";
	}

}
