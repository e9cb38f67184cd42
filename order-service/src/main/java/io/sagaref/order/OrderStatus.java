package io.sagaref.order;

/**
 * Where an order stands in its saga: PENDING until exactly one terminal status ends it.
 */
public enum OrderStatus {

	PENDING, CONFIRMED, REJECTED, CANCELLED;

	/**
	 * @return true once the saga has ended for the order
	 */
	public boolean isTerminal() {
		return this != PENDING;
	}

}
