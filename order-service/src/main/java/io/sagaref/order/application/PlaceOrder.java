package io.sagaref.order.application;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import io.sagaref.order.CustomerId;
import io.sagaref.order.RequestKey;
import org.jspecify.annotations.Nullable;

/**
 * A customer's request to place an order, as the web adapter received it.
 *
 * @param customerId who pays
 * @param lines what, and how many
 * @param callbackUrl where to report the outcome, if anywhere
 * @param idempotencyKey the client's key for safe retries, if it sent one
 */
public record PlaceOrder(CustomerId customerId, List<Line> lines, @Nullable URI callbackUrl,
		@Nullable String idempotencyKey) {

	public PlaceOrder {
		lines = List.copyOf(lines);
	}

	/**
	 * @return the idempotency key with this request's fingerprint, or null without a key
	 */
	public @Nullable RequestKey requestKey() {
		return (this.idempotencyKey != null) ? new RequestKey(this.idempotencyKey, fingerprint()) : null;
	}

	/**
	 * @return a SHA-256 of the request's content, equal for equal requests
	 */
	String fingerprint() {
		StringBuilder canonical = new StringBuilder().append(this.customerId.value()).append('\n');
		for (Line line : this.lines) {
			canonical.append(line.sku().length())
				.append(':')
				.append(line.sku())
				.append('x')
				.append(line.quantity())
				.append('\n');
		}
		canonical.append((this.callbackUrl != null) ? this.callbackUrl : "");
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256")
				.digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(hash);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is missing from this JVM", ex);
		}
	}

	/**
	 * One requested line.
	 *
	 * @param sku the product
	 * @param quantity how many
	 */
	public record Line(String sku, int quantity) {
	}

}
