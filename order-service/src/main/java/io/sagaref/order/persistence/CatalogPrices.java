package io.sagaref.order.persistence;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Map;

/**
 * The price lookup of every order placement, as a repository fragment on plain JDBC.
 */
interface CatalogPrices {

	Map<String, BigDecimal> pricesOf(Collection<String> skus);

}
