package io.sagaref.orderquery;

/**
 * The last sequence applied from each source for one order: the guard that makes the view
 * ignore stale and repeated events, however they reach it.
 */
public final class SourceSequences {

	private long orderService;

	private long paymentService;

	private long inventoryService;

	SourceSequences() {
	}

	/**
	 * Restores the positions as stored.
	 * @param orderService the last sequence applied from order-service
	 * @param paymentService the last sequence applied from payment-service
	 * @param inventoryService the last sequence applied from inventory-service
	 */
	public SourceSequences(long orderService, long paymentService, long inventoryService) {
		this.orderService = orderService;
		this.paymentService = paymentService;
		this.inventoryService = inventoryService;
	}

	/**
	 * @param source a source
	 * @return the sequence of the last event applied from it, 0 if none
	 */
	public long last(Source source) {
		return switch (source) {
			case ORDER_SERVICE -> this.orderService;
			case PAYMENT_SERVICE -> this.paymentService;
			case INVENTORY_SERVICE -> this.inventoryService;
		};
	}

	/**
	 * Moves the source's position forward.
	 * @return true if {@code sequence} is newer than the last one applied
	 */
	boolean advance(Source source, long sequence) {
		if (sequence <= last(source)) {
			return false;
		}
		switch (source) {
			case ORDER_SERVICE -> this.orderService = sequence;
			case PAYMENT_SERVICE -> this.paymentService = sequence;
			case INVENTORY_SERVICE -> this.inventoryService = sequence;
		}
		return true;
	}

}
