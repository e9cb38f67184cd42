package io.sagaref.payment;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * A captured payment was given back to the customer's account: the saga's compensation.
 *
 * @param orderId the order
 * @param customerId the payer
 * @param amount the sum given back
 * @param reason why
 */
public record PaymentRefunded(UUID orderId, UUID customerId, BigDecimal amount,
		RefundReason reason) implements PaymentEvent {

}
