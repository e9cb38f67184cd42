package io.sagaref.inventory.web;

import java.util.List;

import io.sagaref.inventory.application.ProductService;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The stock of every product with what was ever received and what the orders holding it
 * hold, so tests and operators can check that stock is conserved ({@code available +
 * reserved == received}), never negative, and that no reservation was applied or released
 * twice ({@code reserved == reservedByOrders}). Internal: the gateway does not route it.
 */
@RestController
class StockLedgerController {

	private final ProductService products;

	StockLedgerController(ProductService products) {
		this.products = products;
	}

	@GetMapping("/internal/stock-ledger")
	List<LedgerEntry> ledger() {
		return this.products.ledger()
			.stream()
			.map((line) -> new LedgerEntry(line.product().sku(), line.product().available(), line.product().reserved(),
					line.product().received(), line.reservedByOrders()))
			.toList();
	}

	/**
	 * One product's line in the ledger.
	 *
	 * @param sku the product
	 * @param available stock that can be ordered
	 * @param reserved stock held for orders
	 * @param received initial stock plus every addition
	 * @param reservedByOrders the sum of the quantities of this product's RESERVED
	 * reservation lines
	 */
	record LedgerEntry(String sku, int available, int reserved, int received, long reservedByOrders) {
	}

}
