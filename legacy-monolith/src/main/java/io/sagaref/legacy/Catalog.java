package io.sagaref.legacy;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The old system's product table. Every change is a delta, so changes that arrive in any
 * order (the catalog's events and the orders' stock events travel on different
 * partitions) add up to the same stock; a product whose registration has not arrived yet
 * is not shown.
 */
public interface Catalog {

	/**
	 * @param sku a sku
	 * @return the product, if registered
	 */
	Optional<Product> find(String sku);

	/**
	 * @param skus skus
	 * @return the registered products among them, in sku order
	 */
	List<Product> findAll(Collection<String> skus);

	/**
	 * @param sku a sku
	 * @return the sequence of the last catalog event applied to it, 0 if none
	 */
	long catalogSequence(String sku);

	/**
	 * A product joined the catalog with its initial stock.
	 * @param sku the product
	 * @param name its name
	 * @param price its price
	 * @param stock its initial stock
	 * @param sequence the sequence of the event that says so
	 */
	void registered(String sku, String name, BigDecimal price, int stock, long sequence);

	/**
	 * Stock arrived.
	 * @param sku the product
	 * @param quantity how much
	 * @param sequence the sequence of the event that says so
	 */
	void stockAdded(String sku, int quantity, long sequence);

	/**
	 * Moves stock between available and reserved.
	 * @param sku the product
	 * @param quantity how much moves from available to reserved; negative to release
	 */
	void reserved(String sku, int quantity);

}
