package io.sagaref.legacy.messaging;

import java.math.BigDecimal;
import java.util.List;

/**
 * This consumer's own records of the inventory events it reads: only the fields it uses
 * (a tolerant reader), checked against the shared contract's examples by its tests.
 */
final class ConsumedEvents {

	private ConsumedEvents() {
	}

	/** A product joined the catalog with {@code available} units. */
	record ProductRegistered(String sku, String name, BigDecimal price, int available) {
	}

	/** {@code quantity} units of a product arrived. */
	record StockAdded(String sku, int quantity) {
	}

	/** An order's lines were reserved. */
	record StockReserved(List<Line> lines) {
	}

	/** An order's reserved lines were given back. */
	record StockReleased(List<Line> lines) {
	}

	/** One product's quantity in an order. */
	record Line(String sku, int quantity) {
	}

}
