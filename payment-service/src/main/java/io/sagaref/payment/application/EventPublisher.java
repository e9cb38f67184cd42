package io.sagaref.payment.application;

import io.sagaref.messaging.OutgoingEvent;
import io.sagaref.messaging.outbox.Outbox;
import io.sagaref.payment.Aggregate;
import io.sagaref.payment.RecordedEvent;

import org.springframework.stereotype.Component;

/**
 * Moves the events an aggregate recorded into the outbox, on {@value #TOPIC}, keyed by
 * the aggregate (a payment's order id), numbered by the aggregate's sequence. The only
 * user of the outbox in this service: a use case changes an aggregate, then publishes it.
 */
@Component
public class EventPublisher {

	/** The topic of every event payment-service emits. */
	public static final String TOPIC = "payments.events";

	private final Outbox outbox;

	public EventPublisher(Outbox outbox) {
		this.outbox = outbox;
	}

	/**
	 * Appends the aggregate's new events to the outbox. Must run in the transaction that
	 * changed the aggregate, so the events commit if and only if the change does.
	 * @param aggregate the changed aggregate
	 */
	public void publish(Aggregate<?> aggregate) {
		for (RecordedEvent<?> recorded : aggregate.takeEvents()) {
			this.outbox.append(OutgoingEvent.of(TOPIC, recorded.aggregateId(), recorded.sequence(), recorded.event()));
		}
	}

}
