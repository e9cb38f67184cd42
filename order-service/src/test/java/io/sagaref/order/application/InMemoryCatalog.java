package io.sagaref.order.application;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import io.sagaref.order.Catalog;
import io.sagaref.order.CatalogProduct;
import io.sagaref.order.Money;

/**
 * The {@link Catalog} replica in a map, for use-case tests without a database.
 */
final class InMemoryCatalog implements Catalog {

	private final Map<String, CatalogProduct> products = new HashMap<>();

	@Override
	public Optional<CatalogProduct> findBySku(String sku) {
		return Optional.ofNullable(this.products.get(sku));
	}

	@Override
	public Map<String, Money> pricesOf(Collection<String> skus) {
		Map<String, Money> prices = new HashMap<>();
		skus.stream()
			.map(this.products::get)
			.filter((product) -> product != null)
			.forEach((product) -> prices.put(product.sku(), product.price()));
		return prices;
	}

	@Override
	public CatalogProduct save(CatalogProduct product) {
		this.products.put(product.sku(), product);
		return product;
	}

	/**
	 * @param sku the sku
	 * @param price its price
	 * @return this catalog, knowing the product
	 */
	InMemoryCatalog with(String sku, String price) {
		save(CatalogProduct.register(sku, "Product " + sku, Money.of(price), 1));
		return this;
	}

}
