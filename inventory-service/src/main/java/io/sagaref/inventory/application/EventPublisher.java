package io.sagaref.inventory.application;

import io.sagaref.inventory.Aggregate;
import io.sagaref.inventory.RecordedEvent;
import io.sagaref.messaging.OutgoingEvent;
import io.sagaref.messaging.outbox.Outbox;

import org.springframework.stereotype.Component;

/**
 * Moves the events an aggregate recorded into the outbox, on {@value #TOPIC}, keyed by
 * the aggregate (sku for catalog events, order id for saga events) and numbered by its
 * sequence. The only user of the outbox in this service: a use case changes an aggregate,
 * then publishes it.
 */
@Component
public class EventPublisher {

	/** The topic of every event inventory-service emits. */
	public static final String TOPIC = "inventory.events";

	private final Outbox outbox;

	EventPublisher(Outbox outbox) {
		this.outbox = outbox;
	}

	/**
	 * Appends the aggregate's new events. Must run in the transaction that changed it, so
	 * the events commit if and only if the change does.
	 * @param aggregate the changed aggregate
	 */
	public void publish(Aggregate<?> aggregate) {
		for (RecordedEvent<?> recorded : aggregate.takeEvents()) {
			this.outbox.append(OutgoingEvent.of(TOPIC, recorded.aggregateId(), recorded.sequence(), recorded.event()));
		}
	}

}
