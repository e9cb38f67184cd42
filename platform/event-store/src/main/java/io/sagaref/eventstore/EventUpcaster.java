package io.sagaref.eventstore;

import tools.jackson.databind.node.ObjectNode;

/**
 * Turns the data of one event type from one version into the next. Declared as a bean;
 * the store chains them on every read (history, state, point in time, replay, export), so
 * code only ever sees the current version and stored events are never rewritten.
 */
public interface EventUpcaster {

	/**
	 * @return the event type it reads
	 */
	String type();

	/**
	 * @return the version it reads; it produces {@code fromVersion() + 1}
	 */
	int fromVersion();

	/**
	 * @param data the event's data at {@link #fromVersion()}, a copy it may change
	 * @return the data at the next version
	 */
	ObjectNode upcast(ObjectNode data);

}
