package io.sagaref.order.persistence;

import io.sagaref.order.Catalog;
import io.sagaref.order.CatalogProduct;

import org.springframework.data.repository.Repository;

/**
 * Spring Data's implementation of {@link Catalog}; prices are read by
 * {@link CatalogPricesImpl}.
 */
interface JpaCatalog extends Catalog, Repository<CatalogProduct, String>, CatalogPrices {

}
