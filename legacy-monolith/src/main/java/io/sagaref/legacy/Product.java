package io.sagaref.legacy;

import java.math.BigDecimal;

/**
 * A product as the old system keeps it: its catalog data and its stock, split into what
 * can be ordered and what is held for orders.
 *
 * @param sku the product
 * @param name its name
 * @param price its unit price
 * @param available stock that can be ordered
 * @param reserved stock held for orders
 */
public record Product(String sku, String name, BigDecimal price, int available, int reserved) {

}
