package io.sagaref.notification;

import java.util.Optional;
import java.util.UUID;

/**
 * The orders this service has seen placed.
 */
public interface PlacedOrders {

	/**
	 * Remembers an order; a second call for the same order changes nothing.
	 * @param order the order
	 */
	void remember(PlacedOrder order);

	Optional<PlacedOrder> find(UUID orderId);

}
