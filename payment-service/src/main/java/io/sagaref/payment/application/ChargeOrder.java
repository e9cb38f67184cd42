package io.sagaref.payment.application;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import io.sagaref.payment.OrderLine;

/**
 * A request to pay for a placed order.
 *
 * @param orderId the order
 * @param customerId who pays
 * @param total how much
 * @param lines what was ordered, passed on with the payment
 */
public record ChargeOrder(UUID orderId, UUID customerId, BigDecimal total, List<OrderLine> lines) {

	public ChargeOrder {
		lines = List.copyOf(lines);
	}

}
