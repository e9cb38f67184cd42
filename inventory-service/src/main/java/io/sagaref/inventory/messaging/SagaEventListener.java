package io.sagaref.inventory.messaging;

import java.util.List;

import io.sagaref.inventory.OrderId;
import io.sagaref.inventory.ReservationEvent.StockReleased;
import io.sagaref.inventory.ReservationLine;
import io.sagaref.inventory.application.ReservationService;
import io.sagaref.messaging.ReceivedEvent;
import io.sagaref.messaging.inbox.EventRouter;
import io.sagaref.messaging.inbox.EventRouters;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Translates the saga events inventory takes part in into calls of
 * {@link ReservationService}, one method per event type. Deduplication by event id and
 * the dead-letter policy come from the shared {@link EventRouter}.
 */
@Component
class SagaEventListener {

	private final ReservationService reservations;

	private final EventRouter router;

	SagaEventListener(ReservationService reservations, EventRouters routers) {
		this.reservations = reservations;
		this.router = routers.builder()
			.on(PaymentCompleted.class, this::paymentCompleted)
			.on(OrderCancelled.class, this::orderCancelled)
			.on(OrderRejected.class, this::orderRejected)
			.ignore("OrderPlaced", "OrderConfirmed", "PaymentDeclined", "PaymentRefunded")
			.beforeHandlers(this::lockStockOfReservations)
			.build();
	}

	@KafkaListener(topics = { "orders.events", "payments.events" }, groupId = "${spring.application.name}",
			batch = "true")
	void on(List<ConsumerRecord<String, String>> records) {
		this.router.dispatchAll(records);
	}

	/**
	 * Locks, in sku order and before any event of the poll is applied, every product its
	 * reservations will take stock from: another instance's poll over the same products
	 * then waits for this one instead of deadlocking with it.
	 */
	private void lockStockOfReservations(List<ReceivedEvent<?>> events) {
		List<String> skus = events.stream()
			.map(ReceivedEvent::payload)
			.filter(PaymentCompleted.class::isInstance)
			.flatMap((payment) -> ((PaymentCompleted) payment).lines().stream())
			.map(PaymentCompleted.Line::sku)
			.distinct()
			.toList();
		if (!skus.isEmpty()) {
			this.reservations.lockStock(skus);
		}
	}

	private void paymentCompleted(ReceivedEvent<PaymentCompleted> event) {
		var payment = event.payload();
		this.reservations.reserve(new OrderId(payment.orderId()),
				payment.lines().stream().map((line) -> new ReservationLine(line.sku(), line.quantity())).toList());
	}

	private void orderCancelled(ReceivedEvent<OrderCancelled> event) {
		this.reservations.orderClosed(new OrderId(event.payload().orderId()), StockReleased.Reason.ORDER_CANCELLED);
	}

	private void orderRejected(ReceivedEvent<OrderRejected> event) {
		var rejected = event.payload();
		this.reservations.orderClosed(new OrderId(rejected.orderId()),
				rejected.timedOut() ? StockReleased.Reason.ORDER_TIMED_OUT : StockReleased.Reason.ORDER_CANCELLED);
	}

}
