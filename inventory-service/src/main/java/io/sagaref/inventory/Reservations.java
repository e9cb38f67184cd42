package io.sagaref.inventory;

import java.util.List;
import java.util.Optional;

/**
 * What inventory did for each order. Implemented by a Spring Data adapter in
 * {@code persistence}.
 */
public interface Reservations {

	Optional<Reservation> findById(OrderId orderId);

	/**
	 * Locks an order's reservation until the transaction ends, so the events of one order
	 * arriving on different topics are applied one after the other.
	 * @param orderId the order
	 * @return the locked reservation, if any
	 */
	Optional<Reservation> lockByOrderId(OrderId orderId);

	/**
	 * @return per product, the units held by RESERVED reservations, in sku order;
	 * products no order holds are absent
	 */
	List<ReservedQuantity> reservedQuantities();

	Reservation save(Reservation reservation);

}
