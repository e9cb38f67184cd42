package io.sagaref.gateway;

import java.util.List;

/**
 * The stub services, started once per test JVM so every integration test class shares one
 * gateway context pointed at them.
 */
public final class StubBackends {

	public static final StubBackend ORDER_SERVICE = new StubBackend("order-service");

	public static final StubBackend PAYMENT_SERVICE = new StubBackend("payment-service");

	public static final StubBackend INVENTORY_SERVICE = new StubBackend("inventory-service");

	public static final StubBackend ORDER_QUERY_SERVICE = new StubBackend("order-query-service");

	public static final StubBackend LEGACY_MONOLITH = new StubBackend("legacy-monolith");

	public static final StubBackend NOTIFICATION_SERVICE = new StubBackend("notification-service");

	public static final List<StubBackend> ALL = List.of(ORDER_SERVICE, PAYMENT_SERVICE, INVENTORY_SERVICE,
			ORDER_QUERY_SERVICE, LEGACY_MONOLITH, NOTIFICATION_SERVICE);

	private StubBackends() {
	}

}
