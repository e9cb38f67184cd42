package io.sagaref.order.application;

import io.sagaref.order.Catalog;
import io.sagaref.order.CatalogProduct;
import io.sagaref.order.Money;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the catalog replica up to date from inventory's events, applying each sku's
 * changes in sequence and ignoring repeats.
 */
@Service
public class CatalogService {

	private static final Logger log = LoggerFactory.getLogger(CatalogService.class);

	private final Catalog catalog;

	CatalogService(Catalog catalog) {
		this.catalog = catalog;
	}

	/**
	 * Adds a product to the replica or updates its name and price.
	 * @param sku the sku
	 * @param name the name
	 * @param price the price
	 * @param sequence inventory's sequence of the event for this sku
	 */
	@Transactional
	public void register(String sku, String name, Money price, long sequence) {
		this.catalog.findBySku(sku)
			.ifPresentOrElse((product) -> product.reregister(name, price, sequence),
					() -> this.catalog.save(CatalogProduct.register(sku, name, price, sequence)));
	}

	/**
	 * Notes a stock change of a product.
	 * @param sku the sku
	 * @param sequence inventory's sequence of the event for this sku
	 */
	@Transactional
	public void stockAdded(String sku, long sequence) {
		this.catalog.findBySku(sku)
			.ifPresentOrElse((product) -> product.stockAdded(sequence),
					() -> log.warn("Stock added to {}, which the catalog replica does not know", sku));
	}

}
