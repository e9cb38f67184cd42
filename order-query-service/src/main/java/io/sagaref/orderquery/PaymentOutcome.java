package io.sagaref.orderquery;

import org.jspecify.annotations.Nullable;

/**
 * The payment's state as payment-service last reported it.
 *
 * @param status completed, declined or refunded
 * @param amount the amount captured, declined or refunded
 * @param reason why it was declined or refunded, null when completed
 */
public record PaymentOutcome(PaymentStatus status, Money amount, @Nullable String reason) {

	public PaymentOutcome {
		Require.present(status, "payment status");
		Require.present(amount, "payment amount");
	}

}
