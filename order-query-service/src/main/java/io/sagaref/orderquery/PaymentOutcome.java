package io.sagaref.orderquery;

import java.math.BigDecimal;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import org.jspecify.annotations.Nullable;

/**
 * The payment's state as payment-service last reported it.
 *
 * @param status completed, declined or refunded
 * @param amount the amount captured, declined or refunded
 * @param reason why it was declined or refunded, null when completed
 */
@Embeddable
public record PaymentOutcome(@Column(name = "payment_status") @Enumerated(EnumType.STRING) PaymentStatus status,
		@Column(name = "payment_amount") BigDecimal amount, @Column(name = "payment_reason") @Nullable String reason) {

	public PaymentOutcome {
		Require.present(status, "payment status");
		Require.present(amount, "payment amount");
	}

}
