package io.sagaref.payment;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * The order's total was taken from the customer's account.
 *
 * @param orderId the order
 * @param customerId the payer
 * @param amount the sum taken
 * @param lines the order's lines, for inventory to reserve
 */
public record PaymentCompleted(UUID orderId, UUID customerId, BigDecimal amount,
		List<OrderLine> lines) implements PaymentEvent {

	public PaymentCompleted {
		lines = List.copyOf(lines);
	}

}
