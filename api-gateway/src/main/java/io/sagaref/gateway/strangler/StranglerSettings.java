package io.sagaref.gateway.strangler;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * The live setting of every strangled route. Read on every request and replaced whole by
 * the admin endpoint, so a change applies to the next request without a restart and a
 * request never sees half of one. Each gateway instance holds its own.
 */
@Component
public class StranglerSettings {

	private static final Logger log = LoggerFactory.getLogger(StranglerSettings.class);

	private final Map<StrangledRoute, AtomicReference<RouteSetting>> settings = new EnumMap<>(StrangledRoute.class);

	StranglerSettings(StranglerProperties properties) {
		for (String name : properties.routes().keySet()) {
			if (StrangledRoute.named(name).isEmpty()) {
				throw new IllegalStateException("saga.gateway.strangler.routes." + name
						+ " names no strangled route; known: " + StranglerAdminController.routeNames());
			}
		}
		for (StrangledRoute route : StrangledRoute.values()) {
			RouteSetting initial = properties.routes().getOrDefault(route.routeName(), RouteSetting.ALL_NEW);
			this.settings.put(route, new AtomicReference<>(initial));
			log.info("Strangler route {} starts at {}% to {} ({})", route.routeName(), initial.newWeight(),
					route.newSide().serviceName(), initial.mode());
		}
	}

	/**
	 * @param route a route
	 * @return its current setting
	 */
	public RouteSetting get(StrangledRoute route) {
		return this.settings.get(route).get();
	}

	/**
	 * @param route a route
	 * @param setting its new setting, in force from the next request on
	 */
	public void set(StrangledRoute route, RouteSetting setting) {
		RouteSetting before = this.settings.get(route).getAndSet(setting);
		log.info("Strangler route {} changed from {}% to {} ({}) to {}% ({})", route.routeName(), before.newWeight(),
				route.newSide().serviceName(), before.mode(), setting.newWeight(), setting.mode());
	}

}
