package io.sagaref.legacy.messaging;

import java.util.List;

import io.sagaref.legacy.application.CatalogService;
import io.sagaref.legacy.messaging.ConsumedEvents.Line;
import io.sagaref.legacy.messaging.ConsumedEvents.ProductRegistered;
import io.sagaref.legacy.messaging.ConsumedEvents.StockAdded;
import io.sagaref.legacy.messaging.ConsumedEvents.StockReleased;
import io.sagaref.legacy.messaging.ConsumedEvents.StockReserved;
import io.sagaref.messaging.ReceivedEvent;
import io.sagaref.messaging.inbox.EventRouter;
import io.sagaref.messaging.inbox.EventRouters;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the old catalog in step with the new service while the migration lasts, the way a
 * strangler migration does: every catalog and stock event of inventory-service becomes
 * the same change in the old tables. Deduplication by event id and the dead-letter policy
 * come from the shared {@link EventRouter}. The listener's id, {@value #FEED}, lets an
 * operator pause and resume the feed ({@code /internal/catalog-feed}).
 */
@Component
class SagaEventListener {

	/** The id of the listener container. */
	static final String FEED = "catalog-feed";

	private final CatalogService catalog;

	private final EventRouter router;

	SagaEventListener(CatalogService catalog, EventRouters routers) {
		this.catalog = catalog;
		this.router = routers.builder()
			.on(ProductRegistered.class, this::productRegistered)
			.on(StockAdded.class, this::stockAdded)
			.on(StockReserved.class, this::stockReserved)
			.on(StockReleased.class, this::stockReleased)
			.ignore("StockRejected")
			.build();
	}

	@KafkaListener(id = FEED, topics = "inventory.events", groupId = "${spring.application.name}", batch = "true")
	void on(List<ConsumerRecord<String, String>> records) {
		this.router.dispatchAll(records);
	}

	void productRegistered(ReceivedEvent<ProductRegistered> event) {
		var product = event.payload();
		this.catalog.registered(product.sku(), product.name(), product.price(), product.available(),
				event.envelope().sequence());
	}

	void stockAdded(ReceivedEvent<StockAdded> event) {
		this.catalog.stockAdded(event.payload().sku(), event.payload().quantity(), event.envelope().sequence());
	}

	void stockReserved(ReceivedEvent<StockReserved> event) {
		for (Line line : event.payload().lines()) {
			this.catalog.reserved(line.sku(), line.quantity());
		}
	}

	void stockReleased(ReceivedEvent<StockReleased> event) {
		for (Line line : event.payload().lines()) {
			this.catalog.reserved(line.sku(), -line.quantity());
		}
	}

}
