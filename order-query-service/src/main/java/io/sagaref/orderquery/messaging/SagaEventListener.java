package io.sagaref.orderquery.messaging;

import java.util.List;

import io.sagaref.messaging.ReceivedEvent;
import io.sagaref.messaging.inbox.EventRouter;
import io.sagaref.messaging.inbox.EventRouters;
import io.sagaref.orderquery.SagaEvent;
import io.sagaref.orderquery.SagaEvent.OrderCancelled;
import io.sagaref.orderquery.SagaEvent.OrderConfirmed;
import io.sagaref.orderquery.SagaEvent.OrderPlaced;
import io.sagaref.orderquery.SagaEvent.OrderRejected;
import io.sagaref.orderquery.SagaEvent.PaymentCompleted;
import io.sagaref.orderquery.SagaEvent.PaymentDeclined;
import io.sagaref.orderquery.SagaEvent.PaymentRefunded;
import io.sagaref.orderquery.SagaEvent.StockRejected;
import io.sagaref.orderquery.SagaEvent.StockReleased;
import io.sagaref.orderquery.SagaEvent.StockReserved;
import io.sagaref.orderquery.application.OrderProjection;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Feeds every saga event of the three topics to the projection, exactly once per event id
 * (the inbox), and ignores the catalog events it has no use for. Each payload is read
 * straight into the view's own {@link SagaEvent} record (its ids and amounts are value
 * objects that say how they are read, {@code @JsonCreator}); unknown types, garbage,
 * payloads missing a field the view needs and events claiming the wrong source go to the
 * dead-letter topic.
 */
@Component
class SagaEventListener {

	private final EventRouter router;

	private final OrderProjection projection;

	SagaEventListener(EventRouters routers, OrderProjection projection) {
		this.projection = projection;
		this.router = routers.builder()
			.on(OrderPlaced.class, this::apply)
			.on(OrderConfirmed.class, this::apply)
			.on(OrderRejected.class, this::apply)
			.on(OrderCancelled.class, this::apply)
			.on(PaymentCompleted.class, this::apply)
			.on(PaymentDeclined.class, this::apply)
			.on(PaymentRefunded.class, this::apply)
			.on(StockReserved.class, this::apply)
			.on(StockRejected.class, this::apply)
			.on(StockReleased.class, this::apply)
			.ignore(SagaEventReader.IGNORED.toArray(String[]::new))
			.build();
	}

	@KafkaListener(topics = { "orders.events", "payments.events", "inventory.events" },
			groupId = "${spring.application.name}", batch = "true")
	void on(List<ConsumerRecord<String, String>> records) {
		this.router.dispatchAll(records);
	}

	private void apply(ReceivedEvent<? extends SagaEvent> received) {
		this.projection.apply(SagaEventReader.recorded(received.envelope(), received.payload()));
	}

}
