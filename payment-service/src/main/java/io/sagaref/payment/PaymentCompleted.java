package io.sagaref.payment;

import java.util.List;

/**
 * The order's total was taken from the customer's account.
 *
 * @param orderId the order
 * @param customerId the payer
 * @param amount the sum taken
 * @param lines the order's lines, for inventory to reserve
 */
public record PaymentCompleted(OrderId orderId, CustomerId customerId, Money amount,
		List<OrderLine> lines) implements PaymentEvent {

	public PaymentCompleted {
		lines = List.copyOf(lines);
	}

}
