package io.sagaref.inventory;

/**
 * A line of an order that cannot be supplied.
 *
 * @param sku the product
 * @param requested how many the order asked for
 * @param available how many were available (0 for an unknown product)
 */
public record Shortage(String sku, int requested, int available) {
}
