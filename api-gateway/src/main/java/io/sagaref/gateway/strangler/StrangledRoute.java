package io.sagaref.gateway.strangler;

import java.util.Arrays;
import java.util.Optional;

import io.sagaref.gateway.Backend;

/**
 * The public paths being moved from the old system to a new service, each with the two
 * backends that answer it. Named as the admin endpoint and the configuration name them.
 */
public enum StrangledRoute {

	/**
	 * The catalog reads {@code GET /api/products/{sku}} and
	 * {@code GET /api/products?sku=}.
	 */
	PRODUCTS("products", Backend.LEGACY_MONOLITH, Backend.INVENTORY_SERVICE);

	private final String routeName;

	private final Backend legacy;

	private final Backend newSide;

	StrangledRoute(String routeName, Backend legacy, Backend newSide) {
		this.routeName = routeName;
		this.legacy = legacy;
		this.newSide = newSide;
	}

	/**
	 * @return the name in the admin path, the configuration and the metrics' tags
	 */
	public String routeName() {
		return this.routeName;
	}

	/**
	 * @return the old system's backend
	 */
	public Backend legacy() {
		return this.legacy;
	}

	/**
	 * @return the new service's backend
	 */
	public Backend newSide() {
		return this.newSide;
	}

	/**
	 * @param toNew whether the new side is meant
	 * @return that side's backend
	 */
	Backend side(boolean toNew) {
		return toNew ? this.newSide : this.legacy;
	}

	/**
	 * @param routeName a route's name
	 * @return the route, if there is one by that name
	 */
	static Optional<StrangledRoute> named(String routeName) {
		return Arrays.stream(values()).filter((route) -> route.routeName.equals(routeName)).findFirst();
	}

}
