package io.sagaref.order.application;

import java.util.List;

import io.sagaref.order.CatalogProduct;
import io.sagaref.order.Money;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The catalog replica's use cases over an in-memory catalog: each sku's changes apply in
 * sequence, and repeats or older events change nothing.
 */
class CatalogServiceTest {

	private final InMemoryCatalog catalog = new InMemoryCatalog();

	private final CatalogService service = new CatalogService(this.catalog);

	@Test
	void registersAProductItHasNotSeen() {
		this.service.register("BOOK-1", "DDD", Money.of("12.50"), 1);

		CatalogProduct product = this.catalog.findBySku("BOOK-1").orElseThrow();
		assertThat(product.name()).isEqualTo("DDD");
		assertThat(product.price()).isEqualTo(Money.of("12.50"));
		assertThat(this.catalog.pricesOf(List.of("BOOK-1", "NOPE"))).containsOnlyKeys("BOOK-1");
	}

	@Test
	void appliesANewerRegistrationAndIgnoresAnOlderOne() {
		this.service.register("BOOK-1", "DDD", Money.of("12.50"), 1);
		this.service.register("BOOK-1", "DDD 2nd ed.", Money.of("20.00"), 3);
		this.service.register("BOOK-1", "DDD old", Money.of("5.00"), 2);

		CatalogProduct product = this.catalog.findBySku("BOOK-1").orElseThrow();
		assertThat(product.price()).isEqualTo(Money.of("20.00"));
		assertThat(product.lastSequence()).isEqualTo(3);
	}

	@Test
	void stockAddedMovesTheSequenceAndIsIgnoredForAnUnknownSku() {
		this.service.register("BOOK-1", "DDD", Money.of("12.50"), 1);

		this.service.stockAdded("BOOK-1", 2);
		this.service.stockAdded("NOPE", 1);
		this.service.register("BOOK-1", "DDD", Money.of("1.00"), 2);

		assertThat(this.catalog.findBySku("BOOK-1").orElseThrow().lastSequence()).isEqualTo(2);
		assertThat(this.catalog.findBySku("BOOK-1").orElseThrow().price()).isEqualTo(Money.of("12.50"));
		assertThat(this.catalog.findBySku("NOPE")).isEmpty();
	}

}
