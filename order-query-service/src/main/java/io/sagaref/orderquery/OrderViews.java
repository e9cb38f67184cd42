package io.sagaref.orderquery;

import java.util.Optional;
import java.util.UUID;

/**
 * The stored order views.
 */
public interface OrderViews {

	/**
	 * @param orderId the order
	 * @return its view, locked against concurrent updates until the transaction ends
	 */
	Optional<OrderView> findForUpdate(UUID orderId);

	/**
	 * @param orderId the order
	 * @return its view, if any event about it has arrived
	 */
	Optional<OrderView> findById(UUID orderId);

	OrderView save(OrderView view);

}
