package io.sagaref.inventory;

/**
 * How much of one product the orders holding stock hold together: the sum over RESERVED
 * reservations, which must equal the product's own {@code reserved} count.
 *
 * @param sku the product
 * @param quantity the units held by orders
 */
public record ReservedQuantity(String sku, long quantity) {
}
