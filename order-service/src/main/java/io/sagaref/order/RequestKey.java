package io.sagaref.order;

import java.util.Objects;

/**
 * A client's idempotency key together with the fingerprint of the request it was first
 * used with, so a retry can be told from a different request reusing the key.
 *
 * @param key the client's Idempotency-Key, 1 to 100 characters
 * @param fingerprint a hash of the request's content
 */
public record RequestKey(String key, String fingerprint) {

	public RequestKey {
		Objects.requireNonNull(key, "key");
		Objects.requireNonNull(fingerprint, "fingerprint");
		if (key.isEmpty() || key.length() > 100) {
			throw new IllegalArgumentException("An idempotency key has 1 to 100 characters");
		}
	}

}
