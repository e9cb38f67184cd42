package io.sagaref.embedded;

/**
 * The schema and login role of each service that owns data (see
 * {@code db/init-service-schemas.sql}).
 *
 * @param role the login role, also its password in local and test setups
 * @param schema the only schema the role can reach
 */
public record ServiceDatabase(String role, String schema) {

	/** The database that holds every service's schema. */
	public static final String DATABASE = "saga";

	public static final ServiceDatabase ORDERS = new ServiceDatabase("order_service", "orders");

	public static final ServiceDatabase PAYMENTS = new ServiceDatabase("payment_service", "payments");

	public static final ServiceDatabase INVENTORY = new ServiceDatabase("inventory_service", "inventory");

	/** The legacy monolith stand-in that the gateway strangles (docs/strangler.md). */
	public static final ServiceDatabase LEGACY = new ServiceDatabase("legacy_monolith", "legacy");

	public static final ServiceDatabase ORDER_QUERY = new ServiceDatabase("order_query_service", "order_query");

	public static final ServiceDatabase NOTIFICATIONS = new ServiceDatabase("notification_service", "notifications");

	public String password() {
		return this.role;
	}

}
