package io.sagaref.notification;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The Standard Webhooks 1.0 signature: {@code v1,} followed by the base64 of the
 * HMAC-SHA256, keyed by the secret's bytes, of
 * {@code <webhook-id>.<webhook-timestamp>.<body>}.
 */
public final class WebhookSignature {

	private WebhookSignature() {
	}

	/**
	 * @param secret the endpoint's secret
	 * @param id the delivery id (header {@code webhook-id})
	 * @param timestamp the attempt's unix seconds (header {@code webhook-timestamp})
	 * @param body the exact body sent
	 * @return the value of the {@code webhook-signature} header
	 */
	public static String sign(WebhookSecret secret, DeliveryId id, long timestamp, String body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.key(), "HmacSHA256"));
			byte[] digest = mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
			return "v1," + Base64.getEncoder().encodeToString(digest);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is not available", ex);
		}
	}

}
