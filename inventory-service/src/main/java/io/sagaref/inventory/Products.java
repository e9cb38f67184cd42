package io.sagaref.inventory;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The product catalog and its stock, as the domain needs it. Implemented by a Spring Data
 * adapter in {@code persistence}, so this package stays plain Java.
 */
public interface Products {

	Optional<Product> findById(String sku);

	boolean existsById(String sku);

	/**
	 * @param skus the products wanted
	 * @return the known ones, in sku order
	 */
	List<Product> findAllBySkuInOrderBySku(Collection<String> skus);

	/**
	 * @return every product, in sku order
	 */
	List<Product> findAllByOrderBySku();

	/**
	 * Locks a product for a change of its stock until the transaction ends.
	 * @param sku the product
	 * @return the locked product, if known
	 */
	Optional<Product> lockBySku(String sku);

	/**
	 * Locks products for a change of their stock until the transaction ends. They are
	 * locked in sku order, so two transactions locking overlapping sets cannot deadlock.
	 * @param skus the products
	 * @return the known ones, locked, in sku order
	 */
	List<Product> lockAllBySku(Collection<String> skus);

	/**
	 * Locks the rows of products until the transaction ends, in sku order, without
	 * loading them: for a consumer about to change several of them in one transaction.
	 * @param skus the products
	 */
	void lockRows(Collection<String> skus);

	Product save(Product product);

}
