package io.sagaref.inventory.application;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import io.sagaref.inventory.Product;
import io.sagaref.inventory.Products;

/**
 * {@link Products} in a map in sku order, for use-case tests. Locks are no-ops, but what
 * was asked to be locked is kept for the test to see; the lock order is the real
 * repository's and is proven on Postgres ({@code StockRaceIT}).
 */
class InMemoryProducts implements Products {

	private final Map<String, Product> products = new TreeMap<>();

	private final List<String> locked = new ArrayList<>();

	@Override
	public Optional<Product> findById(String sku) {
		return Optional.ofNullable(this.products.get(sku));
	}

	@Override
	public boolean existsById(String sku) {
		return this.products.containsKey(sku);
	}

	@Override
	public List<Product> findAllBySkuInOrderBySku(Collection<String> skus) {
		return this.products.values().stream().filter((product) -> skus.contains(product.sku())).toList();
	}

	@Override
	public List<Product> findAllByOrderBySku() {
		return List.copyOf(this.products.values());
	}

	@Override
	public Optional<Product> lockBySku(String sku) {
		this.locked.add(sku);
		return findById(sku);
	}

	@Override
	public List<Product> lockAllBySku(Collection<String> skus) {
		List<Product> found = findAllBySkuInOrderBySku(skus);
		found.forEach((product) -> this.locked.add(product.sku()));
		return found;
	}

	@Override
	public void lockRows(Collection<String> skus) {
		this.locked.addAll(skus);
	}

	@Override
	public Product save(Product product) {
		this.products.put(product.sku(), product);
		return product;
	}

	/**
	 * @return the skus locked so far, in the order they were locked
	 */
	List<String> locked() {
		return List.copyOf(this.locked);
	}

	int count() {
		return this.products.size();
	}

}
