package io.sagaref.orderquery;

/**
 * The services whose events build a view. Each keeps its own sequence per order, so the
 * view remembers the last sequence applied per source.
 */
public enum Source {

	ORDER_SERVICE("order-service"), PAYMENT_SERVICE("payment-service"), INVENTORY_SERVICE("inventory-service");

	private final String serviceName;

	Source(String serviceName) {
		this.serviceName = serviceName;
	}

	/**
	 * @return the name the service writes into its envelopes
	 */
	public String serviceName() {
		return this.serviceName;
	}

}
