package io.sagaref.order.web;

import java.util.UUID;

import io.sagaref.order.Order;
import io.sagaref.order.OrderStatus;

/**
 * The status resource of an order, the answer of every public order endpoint.
 *
 * @param orderId the order
 * @param status where its saga stands
 */
record OrderStatusResponse(UUID orderId, OrderStatus status) {

	static OrderStatusResponse of(Order order) {
		return new OrderStatusResponse(order.id().value(), order.status());
	}

}
