package io.sagaref.inventory.application;

import io.sagaref.inventory.Aggregate;
import io.sagaref.inventory.PendingEvent;
import io.sagaref.messaging.OutgoingEvent;
import io.sagaref.messaging.outbox.Outbox;

import org.springframework.stereotype.Component;

/**
 * Moves the events an aggregate recorded into the outbox, on {@value #TOPIC}, keyed by
 * the aggregate (sku for catalog events, order id for saga events).
 */
@Component
public class InventoryOutbox {

	/** The topic of every event inventory-service emits. */
	public static final String TOPIC = "inventory.events";

	private final Outbox outbox;

	InventoryOutbox(Outbox outbox) {
		this.outbox = outbox;
	}

	/**
	 * Appends the aggregate's new events. Must run in the transaction that changed it.
	 * @param aggregate the changed aggregate
	 */
	void publish(Aggregate aggregate) {
		for (PendingEvent pending : aggregate.takeEvents()) {
			this.outbox.append(OutgoingEvent.of(TOPIC, pending.aggregateId(), pending.sequence(), pending.event()));
		}
	}

}
