package io.sagaref.inventory;

import java.util.regex.Pattern;

import io.sagaref.inventory.ProductEvent.ProductRegistered;
import io.sagaref.inventory.ProductEvent.StockAdded;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A product and its stock. Stock is either available or reserved for an order, never
 * negative, and everything ever received is accounted for:
 * {@code available + reserved == received}.
 */
@Entity
@Table(name = "product")
public class Product extends Aggregate<ProductEvent> {

	/** What a sku is made of; the API checks requests against the same pattern. */
	public static final String SKU_PATTERN = "[A-Za-z0-9._-]{1,64}";

	private static final Pattern SKU = Pattern.compile(SKU_PATTERN);

	@Id
	private String sku;

	private String name;

	@Column(precision = 19, scale = 2)
	private Money price;

	private int available;

	private int reserved;

	private int received;

	protected Product() {
		this.sku = "";
		this.name = "";
		this.price = Money.ZERO;
	}

	private Product(String sku, String name, Money price, int stock) {
		this.sku = sku;
		this.name = name;
		this.price = price;
		this.available = stock;
		this.received = stock;
	}

	/**
	 * Adds a product to the catalog with its initial stock.
	 * @param sku letters, digits, '.', '_' or '-', at most 64
	 * @param name a non-blank name
	 * @param price more than 0
	 * @param stock at least 0
	 * @return the product, with {@link ProductRegistered} recorded
	 */
	public static Product register(String sku, String name, Money price, int stock) {
		if (!SKU.matcher(sku).matches()) {
			throw new IllegalArgumentException("SKU '" + sku + "' must be 1 to 64 letters, digits, '.', '_' or '-'");
		}
		if (name.isBlank()) {
			throw new IllegalArgumentException("A product needs a name");
		}
		if (!price.isPositive()) {
			throw new IllegalArgumentException("Price must be more than 0, was " + price);
		}
		if (stock < 0) {
			throw new IllegalArgumentException("Initial stock cannot be negative, was " + stock);
		}
		var product = new Product(sku, name.strip(), price, stock);
		product.record(new ProductRegistered(product.sku, product.name, product.price, stock));
		return product;
	}

	/**
	 * Receives stock.
	 * @param quantity at least 1
	 */
	public void addStock(int quantity) {
		if (quantity < 1) {
			throw new IllegalArgumentException("Quantity to add must be at least 1, was " + quantity);
		}
		try {
			this.received = Math.addExact(this.received, quantity);
		}
		catch (ArithmeticException ex) {
			throw new IllegalArgumentException("Adding " + quantity + " would exceed the stock a product can hold", ex);
		}
		this.available += quantity;
		record(new StockAdded(this.sku, quantity, this.available));
	}

	boolean canSupply(int quantity) {
		return quantity <= this.available;
	}

	void reserve(int quantity) {
		if (quantity < 1 || !canSupply(quantity)) {
			throw new IllegalStateException(
					"Cannot reserve " + quantity + " of " + this.sku + ": " + this.available + " available");
		}
		this.available -= quantity;
		this.reserved += quantity;
	}

	void release(int quantity) {
		if (quantity < 1 || quantity > this.reserved) {
			throw new IllegalStateException(
					"Cannot release " + quantity + " of " + this.sku + ": " + this.reserved + " reserved");
		}
		this.reserved -= quantity;
		this.available += quantity;
	}

	@Override
	protected String aggregateId() {
		return this.sku;
	}

	public String sku() {
		return this.sku;
	}

	public String name() {
		return this.name;
	}

	public Money price() {
		return this.price;
	}

	public int available() {
		return this.available;
	}

	public int reserved() {
		return this.reserved;
	}

	public int received() {
		return this.received;
	}

}
