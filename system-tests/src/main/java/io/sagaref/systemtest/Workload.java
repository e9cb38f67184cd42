package io.sagaref.systemtest;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The customers and products of a benchmark run and the mix of orders over them: about
 * 90% that confirm, 5% from customers who cannot pay (REJECTED INSUFFICIENT_FUNDS) and 5%
 * for more than the stock of a nearly sold-out product (paid, then REJECTED OUT_OF_STOCK
 * with a refund). The outcomes never depend on the order in which the sagas run: rich
 * customers and large stock never run out, and the short product never changes.
 */
final class Workload {

	/** What an order is expected to end as. */
	enum Kind {

		CONFIRM, DECLINE, OUT_OF_STOCK

	}

	/**
	 * One order to place.
	 *
	 * @param kind the expected outcome
	 * @param body the JSON body of {@code POST /api/orders}
	 */
	record OrderRequest(Kind kind, String body) {
	}

	private static final int PRODUCTS = 5;

	private static final int POOR_CUSTOMERS = 5;

	private final List<String> richCustomers = new ArrayList<>();

	private final List<String> poorCustomers = new ArrayList<>();

	private final List<String> skus = new ArrayList<>();

	private final String shortSku;

	private Workload(String prefix) {
		this.shortSku = prefix + "-SHORT";
	}

	/**
	 * Opens the accounts and registers the products, then waits until order-service can
	 * price every product.
	 * @param api the gateway
	 * @param customers customers in all (a few of them poor)
	 * @return the workload
	 */
	static Workload create(SagaApi api, int customers) {
		String prefix = "TP-" + UUID.randomUUID().toString().substring(0, 8);
		var workload = new Workload(prefix);
		for (int i = 0; i < PRODUCTS; i++) {
			String sku = prefix + "-" + i;
			api.createProduct(sku, "1.00", 100_000_000);
			workload.skus.add(sku);
		}
		api.createProduct(workload.shortSku, "1.00", 1);
		int poor = Math.min(POOR_CUSTOMERS, Math.max(1, customers / 20));
		for (int i = 0; i < customers; i++) {
			if (i < poor) {
				workload.poorCustomers.add(api.createCustomer("Poor " + i, "0.50"));
			}
			else {
				workload.richCustomers.add(api.createCustomer("Rich " + i, "10000000.00"));
			}
		}
		for (String sku : workload.allSkus()) {
			// the probe's outcome (rejected: the customer cannot pay) leaves no trace in
			// money or stock
			api.placeOrder(workload.poorCustomers.get(0), sku, 1);
		}
		return workload;
	}

	/**
	 * @param index the order's number in its phase
	 * @return the order to place
	 */
	OrderRequest order(long index) {
		int slot = (int) (index % 20);
		int spread = (int) ((index / 20) % Integer.MAX_VALUE);
		if (slot == 7) {
			return new OrderRequest(Kind.DECLINE, body(this.poorCustomers.get(spread % this.poorCustomers.size()),
					this.skus.get(spread % PRODUCTS), 1));
		}
		if (slot == 13) {
			return new OrderRequest(Kind.OUT_OF_STOCK,
					body(this.richCustomers.get(spread % this.richCustomers.size()), this.shortSku, 2));
		}
		String customer = this.richCustomers.get((int) (index % this.richCustomers.size()));
		return new OrderRequest(Kind.CONFIRM, body(customer, this.skus.get((int) (index % PRODUCTS)), 1));
	}

	List<String> allSkus() {
		List<String> all = new ArrayList<>(this.skus);
		all.add(this.shortSku);
		return all;
	}

	private static String body(String customerId, String sku, int quantity) {
		return "{\"customerId\": \"" + customerId + "\", \"lines\": [{\"sku\": \"" + sku + "\", \"quantity\": "
				+ quantity + "}]}";
	}

}
