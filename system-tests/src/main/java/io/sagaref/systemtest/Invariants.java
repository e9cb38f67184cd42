package io.sagaref.systemtest;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import tools.jackson.databind.JsonNode;

import static org.awaitility.Awaitility.await;

/**
 * BRIEF.md's invariants, read from the owning services: money is conserved, stock is
 * conserved and never negative, and no order is left unfinished. Used by every system and
 * fault test once the system is quiet.
 */
public final class Invariants {

	private static final Set<String> TERMINAL = Set.of("CONFIRMED", "REJECTED", "CANCELLED");

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
			if (product.has("reservedByOrders")) {
				check(reserved == product.path("reservedByOrders").asLong(),
						"reserved stock differs from the open reservations (an effect applied twice?): " + product);
			}
		}
	}

	/**
	 * Checks that every order reached exactly one terminal state in order-service and
	 * that the read model shows the same state.
	 * @param readModel the gateway, whose {@code GET /api/orders/{id}} is the read model
	 * @param orderIds the orders to check
	 */
	public void assertEveryOrderFinishedAndReadModelAgrees(SagaApi readModel, Collection<String> orderIds) {
		List<String> problems = new ArrayList<>();
		for (String orderId : orderIds) {
			HttpResult stored = this.orders.get("/internal/orders/" + orderId);
			String status = (stored.status() == 200) ? stored.json().path("status").asString() : "MISSING";
			if (!TERMINAL.contains(status)) {
				problems.add(orderId + " is " + status);
				continue;
			}
			HttpResult view = readModel.get("/api/orders/" + orderId);
			String viewed = (view.status() == 200) ? view.json().path("status").asString() : "MISSING";
			if (!viewed.equals(status)) {
				problems.add(orderId + " is " + status + " but the read model shows " + viewed);
			}
		}
		check(problems.isEmpty(), problems.size() + " of " + orderIds.size() + " orders wrong: "
				+ problems.subList(0, Math.min(problems.size(), 10)));
	}

	/**
	 * Waits until every order finished and the read model caught up, then checks all
	 * invariants.
	 * @param readModel the gateway
	 * @param orderIds the orders accepted during the run
	 */
	public void awaitQuietAndAssertAll(SagaApi readModel, Collection<String> orderIds) {
		await().atMost(Duration.ofSeconds(120))
			.pollInterval(Duration.ofMillis(500))
			.untilAsserted(() -> assertEveryOrderFinishedAndReadModelAgrees(readModel, orderIds));
		awaitQuietAndAssertAll();
	}

	private static void check(boolean condition, String message) {
		if (!condition) {
			throw new AssertionError(message);
		}
	}

}
