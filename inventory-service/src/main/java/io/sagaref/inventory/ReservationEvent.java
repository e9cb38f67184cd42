package io.sagaref.inventory;

import java.util.List;

/**
 * The saga facts inventory-service tells the other services on {@code inventory.events},
 * keyed by order. Each record's simple name is the event type, and its components are the
 * payload, exactly as the event contract shows them.
 */
public sealed interface ReservationEvent {

	/** Every line of a paid order is reserved. */
	record StockReserved(OrderId orderId, List<ReservationLine> lines) implements ReservationEvent {
	}

	/** A paid order got no stock; the payment must be refunded. */
	record StockRejected(OrderId orderId, Reason reason, List<Shortage> shortages) implements ReservationEvent {

		/** Why no stock was reserved. */
		public enum Reason {

			OUT_OF_STOCK, ORDER_CLOSED

		}

	}

	/** The stock held for an order that was closed is available again. */
	record StockReleased(OrderId orderId, List<ReservationLine> lines, Reason reason) implements ReservationEvent {

		/** Why the order was closed. */
		public enum Reason {

			ORDER_CANCELLED, ORDER_TIMED_OUT

		}

	}

}
