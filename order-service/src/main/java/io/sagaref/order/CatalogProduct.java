package io.sagaref.order;

import java.util.Objects;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.jspecify.annotations.Nullable;

/**
 * order-service's replica of one inventory product: just what pricing an order needs,
 * kept from inventory's catalog events so placing an order calls no other service. Each
 * change carries inventory's sequence for the sku; an older or repeated one is ignored.
 */
@Entity
@Table(name = "catalog_product")
public class CatalogProduct {

	@Id
	private String sku;

	private String name;

	private Money price;

	private long lastSequence;

	@Version
	private @Nullable Long version;

	protected CatalogProduct() {
		// for JPA
	}

	private CatalogProduct(String sku, String name, Money price, long sequence) {
		this.sku = Objects.requireNonNull(sku, "sku");
		this.name = Objects.requireNonNull(name, "name");
		this.price = checkedPrice(sku, price);
		this.lastSequence = sequence;
	}

	/**
	 * A product first seen in the catalog.
	 * @param sku the sku
	 * @param name its name
	 * @param price its price, greater than zero
	 * @param sequence inventory's sequence of the event that told of it
	 * @return the replica
	 */
	public static CatalogProduct register(String sku, String name, Money price, long sequence) {
		return new CatalogProduct(sku, name, price, sequence);
	}

	/**
	 * Applies a newer registration of the product (name and price).
	 * @param name the name
	 * @param price the price
	 * @param sequence the event's sequence
	 * @return false if the event was not newer than the last one applied
	 */
	public boolean reregister(String name, Money price, long sequence) {
		if (sequence <= this.lastSequence) {
			return false;
		}
		this.name = Objects.requireNonNull(name, "name");
		this.price = checkedPrice(this.sku, price);
		this.lastSequence = sequence;
		return true;
	}

	/**
	 * Notes a stock change; nothing order-service keeps depends on stock, but the
	 * sequence moves on so an older registration arriving later is still recognised as
	 * old.
	 * @param sequence the event's sequence
	 * @return false if the event was not newer than the last one applied
	 */
	public boolean stockAdded(long sequence) {
		if (sequence <= this.lastSequence) {
			return false;
		}
		this.lastSequence = sequence;
		return true;
	}

	private static Money checkedPrice(String sku, Money price) {
		if (!price.isPositive()) {
			throw new IllegalArgumentException("Price of " + sku + " must be greater than zero, was " + price);
		}
		return price;
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

	public long lastSequence() {
		return this.lastSequence;
	}

}
