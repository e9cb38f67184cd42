package io.sagaref.inventory.application;

import io.sagaref.inventory.Product;

/**
 * One product's stock next to what the orders holding it hold, read from one snapshot.
 *
 * @param product the product with its available, reserved and received counts
 * @param reservedByOrders the units its RESERVED reservations hold; equals
 * {@code product.reserved()} unless a reservation was applied or released twice
 */
public record StockLedgerLine(Product product, long reservedByOrders) {
}
