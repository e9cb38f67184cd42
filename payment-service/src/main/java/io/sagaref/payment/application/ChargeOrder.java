package io.sagaref.payment.application;

import java.util.List;

import io.sagaref.payment.CustomerId;
import io.sagaref.payment.Money;
import io.sagaref.payment.OrderId;
import io.sagaref.payment.OrderLine;

/**
 * A request to pay for a placed order.
 *
 * @param orderId the order
 * @param customerId who pays
 * @param total how much
 * @param lines what was ordered, passed on with the payment
 */
public record ChargeOrder(OrderId orderId, CustomerId customerId, Money total, List<OrderLine> lines) {

	public ChargeOrder {
		lines = List.copyOf(lines);
	}

}
