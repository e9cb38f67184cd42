package io.sagaref.order;

import java.util.List;

/**
 * The facts an order records as its saga moves on; published on {@code orders.events}
 * with exactly these fields as payload (ids as UUID text, money as a number with two
 * decimals: the value objects say so with {@code @JsonValue}). Sealed, so consumers
 * switch exhaustively.
 */
public sealed interface OrderEvent {

	OrderId orderId();

	/**
	 * The order was accepted and priced; starts the saga.
	 *
	 * @param orderId the order
	 * @param customerId who pays
	 * @param lines the priced lines
	 * @param total the sum of the lines
	 */
	record OrderPlaced(OrderId orderId, CustomerId customerId, List<OrderLine> lines,
			Money total) implements OrderEvent {

		public OrderPlaced {
			lines = List.copyOf(lines);
		}

	}

	/**
	 * Payment and stock are both secured; the saga ended well.
	 *
	 * @param orderId the order
	 * @param customerId the customer
	 */
	record OrderConfirmed(OrderId orderId, CustomerId customerId) implements OrderEvent {
	}

	/**
	 * The saga ended without the order: participants undo what they hold.
	 *
	 * @param orderId the order
	 * @param customerId the customer
	 * @param reason why
	 */
	record OrderRejected(OrderId orderId, CustomerId customerId, RejectionReason reason) implements OrderEvent {
	}

	/**
	 * The customer cancelled: participants undo what they hold.
	 *
	 * @param orderId the order
	 * @param customerId the customer
	 * @param reason why
	 */
	record OrderCancelled(OrderId orderId, CustomerId customerId, CancellationReason reason) implements OrderEvent {
	}

}
