package io.sagaref.orderquery;

/**
 * What inventory-service last did for an order.
 */
public enum StockStatus {

	RESERVED, REJECTED, RELEASED

}
