package io.sagaref.payment;

/**
 * Why a captured payment was given back; the values are part of the PaymentRefunded
 * contract. The factories translate the saga's reasons for undoing a payment.
 */
public enum RefundReason {

	/** Inventory could not reserve the order's lines. */
	OUT_OF_STOCK,

	/** The order was closed by its customer (or before stock could be reserved). */
	ORDER_CANCELLED,

	/** The order got no answer within its deadline. */
	ORDER_TIMED_OUT;

	/**
	 * @param stockReason the reason of a StockRejected event
	 * @return ORDER_CANCELLED if stock was refused because the order was already closed,
	 * else OUT_OF_STOCK
	 */
	public static RefundReason afterStockRejection(String stockReason) {
		return "ORDER_CLOSED".equals(stockReason) ? ORDER_CANCELLED : OUT_OF_STOCK;
	}

	/**
	 * @param orderReason the reason of an OrderRejected event
	 * @return ORDER_TIMED_OUT if the order ran out of time, else ORDER_CANCELLED
	 */
	public static RefundReason afterOrderRejection(String orderReason) {
		return "TIMED_OUT".equals(orderReason) ? ORDER_TIMED_OUT : ORDER_CANCELLED;
	}

}
