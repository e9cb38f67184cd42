package io.sagaref.inventory;

/**
 * The facts of the catalog that inventory-service tells the other services on
 * {@code inventory.events}, keyed by sku. Each record's simple name is the event type,
 * and its components are the payload, exactly as the event contract shows them.
 */
public sealed interface ProductEvent {

	/** A product joined the catalog; other services keep their replica from it. */
	record ProductRegistered(String sku, String name, Money price, int available) implements ProductEvent {
	}

	/** Stock arrived for a product. */
	record StockAdded(String sku, int quantity, int available) implements ProductEvent {
	}

}
