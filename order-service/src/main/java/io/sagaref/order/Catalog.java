package io.sagaref.order;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The replica of inventory's catalog, by sku. The persistence adapter implements it.
 */
public interface Catalog {

	Optional<CatalogProduct> findBySku(String sku);

	List<CatalogProduct> findBySkuIn(Collection<String> skus);

	CatalogProduct save(CatalogProduct product);

}
