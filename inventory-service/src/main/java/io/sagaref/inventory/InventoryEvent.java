package io.sagaref.inventory;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * The facts inventory-service tells the other services. Each record's simple name is the
 * event type on {@code inventory.events}, and its components are the payload, exactly as
 * the event contract shows them.
 */
public sealed interface InventoryEvent {

	/** A product joined the catalog; other services keep their replica from it. */
	record ProductRegistered(String sku, String name, BigDecimal price, int available) implements InventoryEvent {
	}

	/** Stock arrived for a product. */
	record StockAdded(String sku, int quantity, int available) implements InventoryEvent {
	}

	/** Every line of a paid order is reserved. */
	record StockReserved(UUID orderId, List<ReservationLine> lines) implements InventoryEvent {
	}

	/** A paid order got no stock; the payment must be refunded. */
	record StockRejected(UUID orderId, Reason reason, List<Shortage> shortages) implements InventoryEvent {

		/** Why no stock was reserved. */
		public enum Reason {

			OUT_OF_STOCK, ORDER_CLOSED

		}

	}

	/** The stock held for an order that was closed is available again. */
	record StockReleased(UUID orderId, List<ReservationLine> lines, Reason reason) implements InventoryEvent {

		/** Why the order was closed. */
		public enum Reason {

			ORDER_CANCELLED, ORDER_TIMED_OUT

		}

	}

}
