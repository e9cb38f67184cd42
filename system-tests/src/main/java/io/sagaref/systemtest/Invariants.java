package io.sagaref.systemtest;

import java.math.BigDecimal;
import java.time.Duration;

import tools.jackson.databind.JsonNode;

import static org.awaitility.Awaitility.await;

/**
 * BRIEF.md's invariants, read from the owning services: money is conserved, stock is
 * conserved and never negative, and no order is left unfinished. Used by every system and
 * fault test once the system is quiet.
 */
public final class Invariants {

	private final SagaApi payments;

	private final SagaApi inventory;

	private final SagaApi orders;

	/**
	 * @param paymentUrl base URL of payment-service (its /internal API is not behind the
	 * gateway)
	 * @param inventoryUrl base URL of inventory-service
	 * @param orderUrl base URL of order-service
	 */
	public Invariants(String paymentUrl, String inventoryUrl, String orderUrl) {
		this.payments = new SagaApi(paymentUrl);
		this.inventory = new SagaApi(inventoryUrl);
		this.orders = new SagaApi(orderUrl);
	}

	/** Waits until no order is PENDING, then checks every invariant. */
	public void awaitQuietAndAssertAll() {
		await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(200))
			.untilAsserted(this::assertNoOrderPending);
		await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
			assertMoneyConserved();
			assertStockConserved();
		});
	}

	public void assertNoOrderPending() {
		HttpResult stuck = this.orders.get("/internal/orders/stuck?olderThan=PT0S");
		check(stuck.status() == 200, "order-service stuck query failed: " + stuck);
		check(stuck.json().isEmpty(), "orders still PENDING: " + stuck.body());
	}

	public void assertMoneyConserved() {
		JsonNode ledger = this.payments.get("/internal/ledger").json();
		BigDecimal deposits = ledger.path("deposits").decimalValue();
		BigDecimal balances = ledger.path("balances").decimalValue();
		BigDecimal captured = ledger.path("captured").decimalValue();
		check(deposits.compareTo(balances.add(captured)) == 0,
				"money not conserved: deposits " + deposits + " != balances " + balances + " + captured " + captured);
	}

	public void assertStockConserved() {
		for (JsonNode product : this.inventory.get("/internal/stock-ledger").json()) {
			long available = product.path("available").asLong();
			long reserved = product.path("reserved").asLong();
			long received = product.path("received").asLong();
			check(available >= 0 && reserved >= 0, "negative stock: " + product);
			check(available + reserved == received, "stock not conserved: " + product);
		}
	}

	private static void check(boolean condition, String message) {
		if (!condition) {
			throw new AssertionError(message);
		}
	}

}
