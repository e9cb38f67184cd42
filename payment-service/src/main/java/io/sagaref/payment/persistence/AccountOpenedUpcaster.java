package io.sagaref.payment.persistence;

import io.sagaref.eventstore.EventUpcaster;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.stereotype.Component;

/**
 * AccountOpened version 1 named its fields {@code customerName} and
 * {@code initialBalance}; version 2 calls them {@code name} and {@code openingBalance}.
 * Stored events are never rewritten: the store applies this on every read, so history,
 * state, points in time and rebuilds all see version 2.
 */
@Component
class AccountOpenedUpcaster implements EventUpcaster {

	@Override
	public String type() {
		return "AccountOpened";
	}

	@Override
	public int fromVersion() {
		return 1;
	}

	@Override
	public ObjectNode upcast(ObjectNode data) {
		JsonNode name = data.remove("customerName");
		JsonNode openingBalance = data.remove("initialBalance");
		data.set("name", name);
		data.set("openingBalance", openingBalance);
		return data;
	}

}
