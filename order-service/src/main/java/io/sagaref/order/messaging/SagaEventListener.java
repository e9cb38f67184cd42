package io.sagaref.order.messaging;

import java.util.List;
import java.util.Objects;

import io.sagaref.messaging.ReceivedEvent;
import io.sagaref.messaging.inbox.EventRouter;
import io.sagaref.messaging.inbox.EventRouters;
import io.sagaref.order.Money;
import io.sagaref.order.OrderId;
import io.sagaref.order.RejectionReason;
import io.sagaref.order.CustomerId;
import io.sagaref.order.application.CallbackUrls;
import io.sagaref.order.application.CatalogService;
import io.sagaref.order.application.OrderService;
import io.sagaref.order.messaging.ConsumedEvents.PaymentDeclined;
import io.sagaref.order.messaging.ConsumedEvents.PaymentRefunded;
import io.sagaref.order.messaging.ConsumedEvents.ProductRegistered;
import io.sagaref.order.messaging.ConsumedEvents.StockAdded;
import io.sagaref.order.messaging.ConsumedEvents.StockReserved;
import io.sagaref.order.messaging.ConsumedEvents.WebhookRegistered;
import io.sagaref.order.messaging.ConsumedEvents.WebhookRemoved;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Translates the participants' answers into the order's end state (saga rule 5) and
 * inventory's catalog events into the replica, and notification-service's webhook events
 * into the replica of registered callback URLs. One method per event type; events the
 * saga does not need from order-service are declared ignored. Before a batch is handled,
 * the orders it will change are locked in one statement.
 */
@Component
class SagaEventListener {

	private final OrderService orders;

	private final CatalogService catalog;

	private final CallbackUrls callbackUrls;

	private final EventRouter router;

	SagaEventListener(OrderService orders, CatalogService catalog, CallbackUrls callbackUrls, EventRouters routers) {
		this.orders = orders;
		this.catalog = catalog;
		this.callbackUrls = callbackUrls;
		this.router = routers.builder()
			.on(StockReserved.class, this::stockReserved)
			.on(PaymentDeclined.class, this::paymentDeclined)
			.on(PaymentRefunded.class, this::paymentRefunded)
			.on(ProductRegistered.class, this::productRegistered)
			.on(StockAdded.class, this::stockAdded)
			.on(WebhookRegistered.class, this::webhookRegistered)
			.on(WebhookRemoved.class, this::webhookRemoved)
			.ignore("PaymentCompleted", "StockRejected", "StockReleased")
			.beforeHandlers(this::lockOrdersToChange)
			.build();
	}

	@KafkaListener(topics = { "payments.events", "inventory.events", "notifications.events" },
			groupId = "${spring.application.name}", batch = "true")
	void on(List<ConsumerRecord<String, String>> records) {
		this.router.dispatchAll(records);
	}

	void lockOrdersToChange(List<ReceivedEvent<?>> events) {
		this.orders.lockForChange(events.stream().map((event) -> switch (event.payload()) {
			case StockReserved reserved -> reserved.orderId();
			case PaymentDeclined declined -> declined.orderId();
			case PaymentRefunded refunded when refunded.isForMissingStock() -> refunded.orderId();
			default -> null;
		}).filter(Objects::nonNull).distinct().map(OrderId::new).toList());
	}

	void stockReserved(ReceivedEvent<StockReserved> event) {
		this.orders.confirm(new OrderId(event.payload().orderId()));
	}

	void paymentDeclined(ReceivedEvent<PaymentDeclined> event) {
		this.orders.reject(new OrderId(event.payload().orderId()), event.payload().rejectionReason());
	}

	void paymentRefunded(ReceivedEvent<PaymentRefunded> event) {
		if (event.payload().isForMissingStock()) {
			this.orders.reject(new OrderId(event.payload().orderId()), RejectionReason.OUT_OF_STOCK);
		}
	}

	void productRegistered(ReceivedEvent<ProductRegistered> event) {
		var product = event.payload();
		this.catalog.register(product.sku(), product.name(), Money.of(product.price()), event.envelope().sequence());
	}

	void stockAdded(ReceivedEvent<StockAdded> event) {
		this.catalog.stockAdded(event.payload().sku(), event.envelope().sequence());
	}

	void webhookRegistered(ReceivedEvent<WebhookRegistered> event) {
		var webhook = event.payload();
		this.callbackUrls.registered(webhook.webhookId(), new CustomerId(webhook.customerId()), webhook.url(),
				event.envelope().sequence());
	}

	void webhookRemoved(ReceivedEvent<WebhookRemoved> event) {
		var webhook = event.payload();
		this.callbackUrls.removed(webhook.webhookId(), new CustomerId(webhook.customerId()), webhook.url(),
				event.envelope().sequence());
	}

}
