package io.sagaref.payment;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * The order could not be paid; nothing was taken.
 *
 * @param orderId the order
 * @param customerId the customer the order named
 * @param amount the sum that was asked for
 * @param reason why
 */
public record PaymentDeclined(UUID orderId, UUID customerId, BigDecimal amount,
		DeclineReason reason) implements PaymentEvent {

}
