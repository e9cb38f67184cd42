package io.sagaref.order.application;

import io.sagaref.messaging.OutgoingEvent;
import io.sagaref.messaging.outbox.Outbox;
import io.sagaref.order.Aggregate;
import io.sagaref.order.RecordedEvent;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The one way order-service's events leave an aggregate: each recorded event goes to the
 * outbox on {@value #TOPIC}, keyed by its aggregate and numbered by the aggregate's
 * sequence, in the caller's transaction, and is announced in-process so that status
 * watchers wake after the commit. The value objects in an event say how they are written
 * as JSON ({@code @JsonValue}: ids as UUID text, money as a number).
 */
@Component
public class EventPublisher {

	static final String TOPIC = "orders.events";

	private final Outbox outbox;

	private final ApplicationEventPublisher inProcess;

	EventPublisher(Outbox outbox, ApplicationEventPublisher inProcess) {
		this.outbox = outbox;
		this.inProcess = inProcess;
	}

	/**
	 * Must run in the transaction that changed the aggregate.
	 * @param aggregate the changed aggregate
	 */
	public void publish(Aggregate<?> aggregate) {
		for (RecordedEvent<?> recorded : aggregate.takeEvents()) {
			this.outbox.append(OutgoingEvent.of(TOPIC, recorded.aggregateId(), recorded.sequence(), recorded.event()));
			this.inProcess.publishEvent(recorded.event());
		}
	}

}
