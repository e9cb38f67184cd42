package io.sagaref.gateway;

/**
 * The services behind the gateway, by the name clients see in errors and in the
 * {@code unavailable} list of a partial overview.
 */
public enum Backend {

	ORDER_SERVICE("order-service"), PAYMENT_SERVICE("payment-service"), INVENTORY_SERVICE("inventory-service"),
	ORDER_QUERY_SERVICE("order-query-service"), NOTIFICATION_SERVICE("notification-service"),
	/**
	 * The old system being strangled: still answers the catalog reads
	 * (docs/strangler.md).
	 */
	LEGACY_MONOLITH("legacy-monolith");

	private final String serviceName;

	Backend(String serviceName) {
		this.serviceName = serviceName;
	}

	public String serviceName() {
		return this.serviceName;
	}

}
