package io.sagaref.payment.messaging;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

import io.sagaref.payment.CustomerId;
import io.sagaref.payment.Money;
import io.sagaref.payment.OrderId;
import io.sagaref.payment.OrderLine;
import io.sagaref.payment.PaymentServiceIntegrationTest;
import io.sagaref.payment.RefundReason;
import io.sagaref.payment.application.AccountService;
import io.sagaref.payment.application.ChargeOrder;
import io.sagaref.payment.application.PaymentService;
import io.sagaref.testsupport.TestEvents;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Many orders of one customer at once, for more than the account holds: the account's row
 * lock lets exactly as many through as the balance covers, and deposits racing charges
 * each get their own place in the account's stream.
 */
class ConcurrentOrdersIT extends PaymentServiceIntegrationTest {

	@Autowired
	private PaymentService payments;

	@Autowired
	private AccountService accounts;

	@Test
	void chargesOnlyWhatTheBalanceCoversWhenOrdersArriveTogether() {
		UUID customerId = openAccount("35.00");
		List<UUID> orderIds = IntStream.range(0, 10).mapToObj((i) -> UUID.randomUUID()).toList();

		orderIds.forEach((orderId) -> publish(orderPlaced(orderId, customerId, "10.00")));

		await().until(() -> kafka().records(PAYMENTS)
			.stream()
			.filter((r) -> orderIds.contains(UUID.fromString(r.key())))
			.count() == orderIds.size());
		List<String> outcomes = kafka().records(PAYMENTS)
			.stream()
			.filter((r) -> orderIds.contains(UUID.fromString(r.key())))
			.map((r) -> TestEvents.typeOf(r.value()))
			.toList();
		assertThat(outcomes).filteredOn("PaymentCompleted"::equals).hasSize(3);
		assertThat(outcomes).filteredOn("PaymentDeclined"::equals).hasSize(7);
		assertThat(balance(customerId)).isEqualTo(new BigDecimal("5.00"));
		assertMoneyIsConserved();
	}

	@Test
	void neverOverdrawsWhenChargesRunInParallel() throws Exception {
		UUID customerId = openAccount("35.00");
		List<UUID> orderIds = IntStream.range(0, 10).mapToObj((i) -> UUID.randomUUID()).toList();

		runTogether(orderIds.stream()
			.<Runnable>map((orderId) -> () -> this.payments.charge(new ChargeOrder(new OrderId(orderId),
					new CustomerId(customerId), Money.of("10.00"), List.of(new OrderLine("BOOK-1", 1)))))
			.toList());

		List<String> outcomes = orderIds.stream().flatMap((orderId) -> paymentEvents(orderId).stream()).toList();
		assertThat(outcomes).filteredOn("PaymentCompleted"::equals).hasSize(3);
		assertThat(outcomes).filteredOn("PaymentDeclined"::equals).hasSize(7);
		assertThat(balance(customerId)).isEqualTo(new BigDecimal("5.00"));
		assertMoneyIsConserved();
	}

	@Test
	void refundsOnceWhenCompensationsRace() throws Exception {
		UUID customerId = openAccount("30.00");
		UUID orderId = UUID.randomUUID();
		this.payments
			.charge(new ChargeOrder(new OrderId(orderId), new CustomerId(customerId), Money.of("25.00"), List.of()));

		runTogether(List.of(() -> this.payments.refund(new OrderId(orderId), RefundReason.OUT_OF_STOCK),
				() -> this.payments.refund(new OrderId(orderId), RefundReason.ORDER_CANCELLED),
				() -> this.payments.refund(new OrderId(orderId), RefundReason.ORDER_TIMED_OUT)));

		assertThat(paymentEvents(orderId)).containsExactly("PaymentCompleted", "PaymentRefunded");
		assertThat(balance(customerId)).isEqualTo(new BigDecimal("30.00"));
		assertMoneyIsConserved();
	}

	@Test
	void losesNothingWhenDepositsAndChargesOfOneAccountRunTogether() throws Exception {
		UUID customerId = openAccount("10.00");
		List<UUID> orderIds = IntStream.range(0, 10).mapToObj((i) -> UUID.randomUUID()).toList();
		List<Runnable> tasks = new ArrayList<>();
		for (UUID orderId : orderIds) {
			tasks.add(() -> this.accounts.deposit(new CustomerId(customerId), Money.of("1.00")));
			tasks.add(() -> this.payments.charge(new ChargeOrder(new OrderId(orderId), new CustomerId(customerId),
					Money.of("1.00"), List.of(new OrderLine("BOOK-1", 1)))));
		}

		runTogether(tasks);

		List<String> outcomes = orderIds.stream().flatMap((orderId) -> paymentEvents(orderId).stream()).toList();
		assertThat(outcomes).hasSize(10).containsOnly("PaymentCompleted");
		assertThat(balance(customerId)).isEqualTo(new BigDecimal("10.00"));
		JsonNode ledger = ledger(customerId);
		assertThat(ledger.valueStream().map((entry) -> entry.path("sequence").asLong()))
			.containsExactlyElementsOf(LongStream.rangeClosed(1, 21).boxed().toList());
		assertThat(ledger.get(20).path("balanceAfter").decimalValue()).isEqualTo(new BigDecimal("10.00"));
		assertThat(accountRows(List.of(customerId)).getFirst()).containsEntry("stream_version", 21L)
			.containsEntry("total_deposited", new BigDecimal("20.00"));
		assertMoneyIsConserved();
	}

	private static void runTogether(List<Runnable> tasks) throws Exception {
		CountDownLatch start = new CountDownLatch(1);
		try (ExecutorService pool = Executors.newFixedThreadPool(tasks.size())) {
			List<Future<?>> running = new ArrayList<>();
			for (Runnable task : tasks) {
				running.add(pool.submit((Callable<Void>) () -> {
					start.await();
					task.run();
					return null;
				}));
			}
			start.countDown();
			for (Future<?> future : running) {
				future.get();
			}
		}
	}

}
