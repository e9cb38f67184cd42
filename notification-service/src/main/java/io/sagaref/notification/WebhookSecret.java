package io.sagaref.notification;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;

/**
 * The key an endpoint's deliveries are signed with, written as Standard Webhooks writes
 * it: {@code whsec_} followed by the base64 of 32 random bytes. Shown to the client once,
 * when the endpoint is registered.
 *
 * @param value the secret as written
 */
public record WebhookSecret(String value) {

	/** What every secret starts with. */
	public static final String PREFIX = "whsec_";

	private static final SecureRandom RANDOM = new SecureRandom();

	public WebhookSecret {
		Objects.requireNonNull(value, "value");
		if (!value.startsWith(PREFIX)) {
			throw new IllegalArgumentException("A webhook secret starts with " + PREFIX);
		}
	}

	/**
	 * @return a new secret of 32 random bytes
	 */
	public static WebhookSecret random() {
		byte[] key = new byte[32];
		RANDOM.nextBytes(key);
		return new WebhookSecret(PREFIX + Base64.getEncoder().encodeToString(key));
	}

	/**
	 * @return the bytes the signature is computed with (the decoded base64)
	 */
	public byte[] key() {
		return Base64.getDecoder().decode(this.value.substring(PREFIX.length()));
	}

	@Override
	public String toString() {
		return PREFIX + "***";
	}

}
