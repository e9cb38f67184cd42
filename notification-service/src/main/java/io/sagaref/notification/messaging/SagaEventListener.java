package io.sagaref.notification.messaging;

import java.net.URI;
import java.util.List;

import io.sagaref.messaging.ReceivedEvent;
import io.sagaref.messaging.inbox.EventRouter;
import io.sagaref.messaging.inbox.EventRouters;
import io.sagaref.notification.CustomerId;
import io.sagaref.notification.PlacedOrder;
import io.sagaref.notification.application.OrderOutcomes;
import io.sagaref.notification.application.OrderOutcomes.Outcome;
import io.sagaref.notification.messaging.OrderEvents.OrderCancelled;
import io.sagaref.notification.messaging.OrderEvents.OrderConfirmed;
import io.sagaref.notification.messaging.OrderEvents.OrderPlaced;
import io.sagaref.notification.messaging.OrderEvents.OrderRejected;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Translates the order events into the delivery queue, one method per event type.
 * Deduplication by event id and the dead-letter policy come from the shared
 * {@link EventRouter}.
 */
@Component
class SagaEventListener {

	private final OrderOutcomes outcomes;

	private final EventRouter router;

	SagaEventListener(OrderOutcomes outcomes, EventRouters routers) {
		this.outcomes = outcomes;
		this.router = routers.builder()
			.on(OrderPlaced.class, this::orderPlaced)
			.on(OrderConfirmed.class, this::orderConfirmed)
			.on(OrderRejected.class, this::orderRejected)
			.on(OrderCancelled.class, this::orderCancelled)
			.build();
	}

	@KafkaListener(topics = "orders.events", groupId = "${spring.application.name}", batch = "true")
	void on(List<ConsumerRecord<String, String>> records) {
		this.router.dispatchAll(records);
	}

	private void orderPlaced(ReceivedEvent<OrderPlaced> event) {
		var placed = event.payload();
		this.outcomes.placed(new PlacedOrder(placed.orderId(), new CustomerId(placed.customerId()), placed.total(),
				(placed.callbackUrl() != null) ? URI.create(placed.callbackUrl()) : null));
	}

	private void orderConfirmed(ReceivedEvent<OrderConfirmed> event) {
		var confirmed = event.payload();
		this.outcomes.ended(event.envelope().eventId(), event.envelope().occurredAt(), Outcome.CONFIRMED,
				confirmed.orderId(), new CustomerId(confirmed.customerId()), null);
	}

	private void orderRejected(ReceivedEvent<OrderRejected> event) {
		var rejected = event.payload();
		this.outcomes.ended(event.envelope().eventId(), event.envelope().occurredAt(), Outcome.REJECTED,
				rejected.orderId(), new CustomerId(rejected.customerId()), rejected.reason());
	}

	private void orderCancelled(ReceivedEvent<OrderCancelled> event) {
		var cancelled = event.payload();
		this.outcomes.ended(event.envelope().eventId(), event.envelope().occurredAt(), Outcome.CANCELLED,
				cancelled.orderId(), new CustomerId(cancelled.customerId()), null);
	}

}
