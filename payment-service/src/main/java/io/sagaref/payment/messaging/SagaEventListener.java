package io.sagaref.payment.messaging;

import java.util.List;

import io.sagaref.messaging.ReceivedEvent;
import io.sagaref.messaging.inbox.EventRouter;
import io.sagaref.messaging.inbox.EventRouters;
import io.sagaref.payment.CustomerId;
import io.sagaref.payment.OrderId;
import io.sagaref.payment.RefundReason;
import io.sagaref.payment.application.PaymentService;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Payment's part of the saga: an order placed is charged; a stock rejection, a
 * cancellation or a rejection of the order refunds it. One method per event type, each
 * calling one use case; the router adds the inbox check and the transaction, and sends
 * anything it cannot read to the dead-letter topic.
 */
@Component
class SagaEventListener {

	private final PaymentService payments;

	private final EventRouter router;

	SagaEventListener(PaymentService payments, EventRouters routers) {
		this.payments = payments;
		this.router = routers.builder()
			.on(OrderPlaced.class, this::orderPlaced)
			.on(StockRejected.class, this::stockRejected)
			.on(OrderCancelled.class, this::orderCancelled)
			.on(OrderRejected.class, this::orderRejected)
			.ignore("OrderConfirmed", "ProductRegistered", "StockAdded", "StockReserved", "StockReleased")
			.beforeHandlers(this::lockAccountsOfCharges)
			.build();
	}

	@KafkaListener(topics = { "orders.events", "inventory.events" }, groupId = "${spring.application.name}",
			batch = "true")
	void on(List<ConsumerRecord<String, String>> records) {
		this.router.dispatchAll(records);
	}

	/**
	 * Locks, in id order and before any event of the poll is applied, every account its
	 * charges will debit: another instance's poll over the same accounts then waits for
	 * this one instead of deadlocking with it.
	 */
	private void lockAccountsOfCharges(List<ReceivedEvent<?>> events) {
		List<CustomerId> customers = events.stream()
			.map(ReceivedEvent::payload)
			.filter(OrderPlaced.class::isInstance)
			.map((placed) -> new CustomerId(((OrderPlaced) placed).customerId()))
			.distinct()
			.toList();
		if (!customers.isEmpty()) {
			this.payments.lockAccounts(customers);
		}
	}

	void orderPlaced(ReceivedEvent<OrderPlaced> event) {
		this.payments.charge(event.payload().toCharge());
	}

	void stockRejected(ReceivedEvent<StockRejected> event) {
		this.payments.refund(new OrderId(event.payload().orderId()),
				RefundReason.afterStockRejection(event.payload().reason()));
	}

	void orderCancelled(ReceivedEvent<OrderCancelled> event) {
		this.payments.refund(new OrderId(event.payload().orderId()), RefundReason.ORDER_CANCELLED);
	}

	void orderRejected(ReceivedEvent<OrderRejected> event) {
		this.payments.refund(new OrderId(event.payload().orderId()),
				RefundReason.afterOrderRejection(event.payload().reason()));
	}

}
