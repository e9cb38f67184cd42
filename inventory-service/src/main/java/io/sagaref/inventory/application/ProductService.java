package io.sagaref.inventory.application;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.stream.Collectors;

import io.sagaref.inventory.Money;
import io.sagaref.inventory.Product;
import io.sagaref.inventory.Products;
import io.sagaref.inventory.Reservations;
import io.sagaref.inventory.ReservedQuantity;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Use cases of the catalog: register products, receive stock, look them up.
 */
@Service
public class ProductService {

	private final Products products;

	private final Reservations reservations;

	private final EventPublisher events;

	ProductService(Products products, Reservations reservations, EventPublisher events) {
		this.products = products;
		this.reservations = reservations;
		this.events = events;
	}

	/**
	 * Registers a product; emits ProductRegistered.
	 * @throws IllegalStateException if the sku is taken
	 */
	@Transactional
	public Product register(String sku, String name, Money price, int stock) {
		if (this.products.existsById(sku)) {
			throw new IllegalStateException("Product " + sku + " is already registered");
		}
		Product product = Product.register(sku, name, price, stock);
		this.products.save(product);
		this.events.publish(product);
		return product;
	}

	/**
	 * Receives stock; emits StockAdded.
	 * @throws NoSuchElementException if the product is unknown
	 */
	@Transactional
	public Product addStock(String sku, int quantity) {
		Product product = this.products.lockBySku(sku).orElseThrow(() -> unknown(sku));
		product.addStock(quantity);
		this.events.publish(product);
		return product;
	}

	@Transactional(readOnly = true)
	public Product product(String sku) {
		return this.products.findById(sku).orElseThrow(() -> unknown(sku));
	}

	/**
	 * @return the known products among {@code skus}, in sku order
	 */
	@Transactional(readOnly = true)
	public List<Product> products(Collection<String> skus) {
		return skus.isEmpty() ? List.of() : this.products.findAllBySkuInOrderBySku(skus);
	}

	/**
	 * Every product's stock next to the units its reservations hold, both read from one
	 * snapshot (repeatable read), so they agree at any moment unless a reservation was
	 * applied or released twice.
	 * @return the ledger, in sku order
	 */
	@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
	public List<StockLedgerLine> ledger() {
		Map<String, Long> held = this.reservations.reservedQuantities()
			.stream()
			.collect(Collectors.toMap(ReservedQuantity::sku, ReservedQuantity::quantity));
		return this.products.findAllByOrderBySku()
			.stream()
			.map((product) -> new StockLedgerLine(product, held.getOrDefault(product.sku(), 0L)))
			.toList();
	}

	private static NoSuchElementException unknown(String sku) {
		return new NoSuchElementException("No product with sku " + sku);
	}

}
