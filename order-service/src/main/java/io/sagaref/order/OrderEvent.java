package io.sagaref.order;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * The facts an order records as its saga moves on; published on {@code orders.events}
 * with exactly these fields as payload. Sealed, so consumers switch exhaustively.
 */
public sealed interface OrderEvent {

	UUID orderId();

	/**
	 * The order was accepted and priced; starts the saga.
	 *
	 * @param orderId the order
	 * @param customerId who pays
	 * @param lines the priced lines
	 * @param total the sum of the lines
	 */
	record OrderPlaced(UUID orderId, UUID customerId, List<OrderLine> lines, BigDecimal total) implements OrderEvent {

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
	record OrderConfirmed(UUID orderId, UUID customerId) implements OrderEvent {
	}

	/**
	 * The saga ended without the order: participants undo what they hold.
	 *
	 * @param orderId the order
	 * @param customerId the customer
	 * @param reason why
	 */
	record OrderRejected(UUID orderId, UUID customerId, RejectionReason reason) implements OrderEvent {
	}

	/**
	 * The customer cancelled: participants undo what they hold.
	 *
	 * @param orderId the order
	 * @param customerId the customer
	 * @param reason why
	 */
	record OrderCancelled(UUID orderId, UUID customerId, CancellationReason reason) implements OrderEvent {
	}

}
