package io.sagaref.order.application;

import java.util.List;

import io.sagaref.messaging.OutgoingEvent;
import io.sagaref.messaging.outbox.Outbox;
import io.sagaref.order.Order;
import io.sagaref.order.OrderEvent;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Hands an order's recorded events to the outbox, numbered by the order's event sequence,
 * and announces them in-process so that status watchers wake after the commit.
 */
@Component
class OrderPublisher {

	static final String TOPIC = "orders.events";

	private final Outbox outbox;

	private final ApplicationEventPublisher inProcess;

	OrderPublisher(Outbox outbox, ApplicationEventPublisher inProcess) {
		this.outbox = outbox;
		this.inProcess = inProcess;
	}

	/**
	 * Must run in the transaction that changed the order.
	 * @param order the changed order
	 */
	void publishEventsOf(Order order) {
		List<OrderEvent> events = order.releaseEvents();
		long sequence = order.eventSequence() - events.size();
		for (OrderEvent event : events) {
			sequence++;
			this.outbox.append(OutgoingEvent.of(TOPIC, event.orderId().toString(), sequence, event));
			this.inProcess.publishEvent(event);
		}
	}

}
