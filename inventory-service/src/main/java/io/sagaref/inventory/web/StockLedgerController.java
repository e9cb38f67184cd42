package io.sagaref.inventory.web;

import java.util.List;

import io.sagaref.inventory.application.ProductService;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The stock of every product with what was ever received, so tests and operators can
 * check at a quiet point that stock is conserved ({@code available + reserved ==
 * received}) and never negative. Internal: the gateway does not route it.
 */
@RestController
class StockLedgerController {

	private final ProductService products;

	StockLedgerController(ProductService products) {
		this.products = products;
	}

	@GetMapping("/internal/stock-ledger")
	List<LedgerEntry> ledger() {
		return this.products.all()
			.stream()
			.map((p) -> new LedgerEntry(p.sku(), p.available(), p.reserved(), p.received()))
			.toList();
	}

	/**
	 * One product's line in the ledger.
	 *
	 * @param sku the product
	 * @param available stock that can be ordered
	 * @param reserved stock held for orders
	 * @param received initial stock plus every addition
	 */
	record LedgerEntry(String sku, int available, int reserved, int received) {
	}

}
