package io.sagaref.order.application;

import io.sagaref.order.Aggregate;
import io.sagaref.order.RecordedEvent;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Announces an aggregate's recorded events in-process, so that status watchers wake once
 * the transaction commits. They leave the service from the order's stream: storing the
 * order appended them to the event store, whose relay publishes them on
 * {@code orders.events}, so there is no second copy here.
 */
@Component
public class EventPublisher {

	private final ApplicationEventPublisher inProcess;

	EventPublisher(ApplicationEventPublisher inProcess) {
		this.inProcess = inProcess;
	}

	/**
	 * Must run in the transaction that stored the aggregate.
	 * @param aggregate the stored aggregate
	 */
	public void publish(Aggregate<?> aggregate) {
		for (RecordedEvent<?> recorded : aggregate.takeEvents()) {
			this.inProcess.publishEvent(recorded.event());
		}
	}

}
