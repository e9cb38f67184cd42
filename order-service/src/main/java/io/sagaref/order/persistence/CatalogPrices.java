package io.sagaref.order.persistence;

import java.util.Collection;
import java.util.Map;

import io.sagaref.order.Money;

/**
 * The price lookup of every order placement, as a repository fragment on plain JDBC.
 */
interface CatalogPrices {

	Map<String, Money> pricesOf(Collection<String> skus);

}
