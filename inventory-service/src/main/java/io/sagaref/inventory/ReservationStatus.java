package io.sagaref.inventory;

/**
 * Where an order stands with inventory.
 */
public enum ReservationStatus {

	/** Every line is reserved and held. */
	RESERVED,

	/** The order got no stock, for lack of it or because it was already closed. */
	REJECTED,

	/** The stock that was held has been given back. */
	RELEASED,

	/** The order was closed before its payment arrived: a later payment is refused. */
	CLOSED

}
