package io.sagaref.localstack;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Spring properties the stack passes to its services beyond its own wiring: some for
 * every service, some for one, which win.
 *
 * @param everyService properties for every service
 * @param perService properties by service name, applied after the ones for every service
 */
public record ServiceProperties(Map<String, String> everyService, Map<String, Map<String, String>> perService) {

	/** No properties beyond the stack's own. */
	public static final ServiceProperties NONE = new ServiceProperties(Map.of(), Map.of());

	public ServiceProperties {
		everyService = checked(everyService, "every service");
		var byService = new LinkedHashMap<String, Map<String, String>>();
		perService.forEach(
				(name, properties) -> byService.put(SagaService.named(name).serviceName(), checked(properties, name)));
		perService = Map.copyOf(byService);
	}

	/**
	 * @param service a service name
	 * @return the properties that service gets: those for every service, overridden by
	 * its own
	 */
	public Map<String, String> of(String service) {
		var merged = new LinkedHashMap<>(this.everyService);
		merged.putAll(this.perService.getOrDefault(SagaService.named(service).serviceName(), Map.of()));
		return merged;
	}

	/**
	 * @param key a Spring property
	 * @param value its value
	 * @return a copy that passes the property to every service
	 */
	public ServiceProperties with(String key, String value) {
		var every = new LinkedHashMap<>(this.everyService);
		every.put(key, value);
		return new ServiceProperties(every, this.perService);
	}

	/**
	 * @param service a service name such as {@code order-service}
	 * @param key a Spring property
	 * @param value its value
	 * @return a copy that passes the property to that service only
	 */
	public ServiceProperties with(String service, String key, String value) {
		String name = SagaService.named(service).serviceName();
		var byService = new LinkedHashMap<>(this.perService);
		var properties = new LinkedHashMap<>(byService.getOrDefault(name, Map.of()));
		properties.put(key, value);
		byService.put(name, properties);
		return new ServiceProperties(this.everyService, byService);
	}

	private static Map<String, String> checked(Map<String, String> properties, String owner) {
		properties.keySet().forEach((key) -> {
			if (key.isBlank()) {
				throw new IllegalArgumentException("A property for " + owner + " has no name");
			}
			if (key.equals("server.port")) {
				throw new IllegalArgumentException(
						"server.port for " + owner + " cannot be set: ports come from the base port or random ports");
			}
		});
		return Map.copyOf(properties);
	}

}
