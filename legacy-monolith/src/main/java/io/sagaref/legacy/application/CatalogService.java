package io.sagaref.legacy.application;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.locks.LockSupport;

import io.sagaref.legacy.Catalog;
import io.sagaref.legacy.Product;
import io.sagaref.web.ReadToken;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The catalog as the old system answers it, and the changes that keep it in step with
 * inventory-service. This copy lags the new service by the time an event takes to arrive,
 * so a read given a read token of inventory-service (the client's own write) waits until
 * the write has arrived here, as every lagging view of the system does.
 */
@Service
public class CatalogService {

	/** The service whose writes this copy follows. */
	static final String WRITER = "inventory-service";

	private static final Duration RECHECK = Duration.ofMillis(20);

	private final Catalog catalog;

	private final Duration readTokenWait;

	CatalogService(Catalog catalog, LegacySettings settings) {
		this.catalog = catalog;
		this.readTokenWait = settings.readTokenWait();
	}

	/**
	 * @param sku the product
	 * @param readToken the client's token, if it sent one
	 * @return the product
	 * @throws NoSuchElementException if it is unknown here
	 * @throws ReadToken.NotYetVisibleException if the token's write did not arrive in
	 * time
	 */
	public Product product(String sku, @Nullable ReadToken readToken) {
		awaitIncluded(readToken);
		return this.catalog.find(sku).orElseThrow(() -> new NoSuchElementException("No product with sku " + sku));
	}

	/**
	 * @param skus the products
	 * @param readToken the client's token, if it sent one
	 * @return the known ones, in sku order
	 */
	public List<Product> products(Collection<String> skus, @Nullable ReadToken readToken) {
		awaitIncluded(readToken);
		return skus.isEmpty() ? List.of() : this.catalog.findAll(skus);
	}

	@Transactional
	public void registered(String sku, String name, BigDecimal price, int stock, long sequence) {
		this.catalog.registered(sku, name, price, stock, sequence);
	}

	@Transactional
	public void stockAdded(String sku, int quantity, long sequence) {
		this.catalog.stockAdded(sku, quantity, sequence);
	}

	/**
	 * @param sku the product
	 * @param quantity moved from available to reserved; negative for a release
	 */
	@Transactional
	public void reserved(String sku, int quantity) {
		this.catalog.reserved(sku, quantity);
	}

	private void awaitIncluded(@Nullable ReadToken token) {
		if (token == null || !token.source().equals(WRITER)) {
			return;
		}
		long deadline = System.nanoTime() + this.readTokenWait.toNanos();
		while (this.catalog.catalogSequence(token.id()) < token.version()) {
			if (System.nanoTime() - deadline >= 0) {
				throw new ReadToken.NotYetVisibleException(token, this.readTokenWait);
			}
			LockSupport.parkNanos(RECHECK.toNanos());
		}
	}

}
