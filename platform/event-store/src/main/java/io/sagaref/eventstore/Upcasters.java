package io.sagaref.eventstore;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every {@link EventUpcaster} of a service, chained by event type and version: an event
 * stored at version 1 of a type whose upcasters go 1 to 2 to 3 is read at version 3. A
 * chain with a hole (1 to 2, then 3 to 4) is refused when the service starts, and an
 * event older than the chain's first step fails its read, instead of reaching code that
 * expects another shape.
 */
public final class Upcasters {

	private final Map<String, TreeMap<Integer, EventUpcaster>> byType = new HashMap<>();

	/**
	 * @param upcasters the service's upcasters
	 * @throws IllegalStateException if two read the same type and version, or a type's
	 * chain has a hole
	 */
	public Upcasters(Collection<? extends EventUpcaster> upcasters) {
		for (EventUpcaster upcaster : upcasters) {
			var chain = this.byType.computeIfAbsent(upcaster.type(), (type) -> new TreeMap<>());
			EventUpcaster other = chain.put(upcaster.fromVersion(), upcaster);
			if (other != null) {
				throw new IllegalStateException("Two upcasters read " + upcaster.type() + " v" + upcaster.fromVersion()
						+ ": " + other.getClass().getName() + " and " + upcaster.getClass().getName());
			}
		}
		this.byType.forEach((type, chain) -> {
			int expected = chain.firstKey();
			for (int from : chain.keySet()) {
				if (from != expected) {
					throw new IllegalStateException("The upcasters of " + type + " skip v" + expected + ": "
							+ "there is none from v" + expected + " to v" + (expected + 1));
				}
				expected++;
			}
		});
	}

	/**
	 * @return no upcasters: every event is read as stored
	 */
	public static Upcasters none() {
		return new Upcasters(java.util.List.of());
	}

	/**
	 * @param type the event type
	 * @return the version events of that type are read at, or 0 if no upcaster reads it
	 * (then every version is read as stored)
	 */
	public int currentVersion(String type) {
		var chain = this.byType.get(type);
		return (chain != null) ? chain.lastKey() + 1 : 0;
	}

	/**
	 * @param type the event type
	 * @param version the version the data was stored at
	 * @param data the data as stored
	 * @return the data at the current version of the type (the same node if none applies)
	 * @throws IllegalStateException if the data is older than the first upcaster of its
	 * type, or not a JSON object
	 */
	public Upcast upcast(String type, int version, JsonNode data) {
		var chain = this.byType.get(type);
		if (chain == null || version > chain.lastKey()) {
			return new Upcast(version, data);
		}
		if (version < chain.firstKey()) {
			throw new IllegalStateException("Cannot read " + type + " v" + version + ": its upcasters start at v"
					+ chain.firstKey() + ", none goes from v" + version + " to v" + (version + 1));
		}
		if (!(data instanceof ObjectNode object)) {
			throw new IllegalStateException("Cannot upcast " + type + " v" + version + ": its data is not an object");
		}
		ObjectNode current = object.deepCopy();
		int at = version;
		while (at <= chain.lastKey()) {
			current = chain.get(at).upcast(current);
			at++;
		}
		return new Upcast(at, current);
	}

	/**
	 * Event data at a version.
	 *
	 * @param version the version
	 * @param data the data
	 */
	public record Upcast(int version, JsonNode data) {

	}

}
