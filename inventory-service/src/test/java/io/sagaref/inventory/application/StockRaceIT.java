package io.sagaref.inventory.application;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.sagaref.inventory.InventoryServiceIntegrationTest;
import io.sagaref.inventory.OrderId;
import io.sagaref.inventory.ReservationLine;
import io.sagaref.inventory.ReservationStatus;
import io.sagaref.testsupport.TestEvents;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class StockRaceIT extends InventoryServiceIntegrationTest {

	private static final int ORDERS_COUNT = 20;

	private static final int STOCK = 7;

	@Autowired
	ReservationService reservationService;

	@Test
	void twentyPaymentsForSevenUnitsReserveExactlySeven() {
		String sku = registerProduct(STOCK);
		List<UUID> orders = new ArrayList<>();
		for (int i = 0; i < ORDERS_COUNT; i++) {
			orders.add(UUID.randomUUID());
		}

		orders.forEach((orderId) -> deliver(paymentCompleted(orderId, line(sku, 1))));

		await().atMost(Duration.ofSeconds(60)).until(() -> {
			assertThat(available(sku)).isNotNegative();
			return orders.stream().allMatch((orderId) -> !inventoryEventTypes(orderId).isEmpty());
		});
		List<String> answers = orders.stream()
			.flatMap((orderId) -> inventoryEvents(orderId.toString()).stream())
			.map((r) -> TestEvents.typeOf(r.value()))
			.toList();
		assertThat(answers).hasSize(ORDERS_COUNT);
		assertThat(answers).filteredOn("StockReserved"::equals).hasSize(STOCK);
		assertThat(answers).filteredOn("StockRejected"::equals).hasSize(ORDERS_COUNT - STOCK);
		assertThat(available(sku)).isZero();
		assertThat(reserved(sku)).isEqualTo(STOCK);
		assertLedgerConserved();
	}

	@Test
	void concurrentReservationsOfOneProductNeverOversell() throws Exception {
		String sku = registerProduct(STOCK);
		List<UUID> orders = new ArrayList<>();
		var start = new CountDownLatch(1);
		List<Future<?>> done = new ArrayList<>();
		try (var executor = Executors.newFixedThreadPool(ORDERS_COUNT)) {
			for (int i = 0; i < ORDERS_COUNT; i++) {
				UUID orderId = UUID.randomUUID();
				orders.add(orderId);
				done.add(executor.submit(() -> {
					start.await();
					this.reservationService.reserve(new OrderId(orderId), List.of(new ReservationLine(sku, 1)));
					return null;
				}));
			}
			start.countDown();
			for (Future<?> future : done) {
				future.get();
			}
		}

		List<ReservationStatus> statuses = orders.stream()
			.map((orderId) -> this.reservations.findById(new OrderId(orderId)).orElseThrow().status())
			.toList();
		assertThat(statuses).filteredOn(ReservationStatus.RESERVED::equals).hasSize(STOCK);
		assertThat(statuses).filteredOn(ReservationStatus.REJECTED::equals).hasSize(ORDERS_COUNT - STOCK);
		assertThat(available(sku)).isZero();
		assertThat(reserved(sku)).isEqualTo(STOCK);
		assertLedgerConserved();
	}

}
