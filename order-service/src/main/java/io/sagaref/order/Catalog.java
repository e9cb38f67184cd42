package io.sagaref.order;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * The replica of inventory's catalog, by sku. The persistence adapter implements it.
 */
public interface Catalog {

	Optional<CatalogProduct> findBySku(String sku);

	/**
	 * @param skus skus
	 * @return the current price of each of them the replica knows, by sku
	 */
	Map<String, Money> pricesOf(Collection<String> skus);

	CatalogProduct save(CatalogProduct product);

}
