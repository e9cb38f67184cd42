package io.sagaref.order.application;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.sagaref.order.OrderServiceIntegrationTest;
import io.sagaref.testsupport.ApiReply;
import org.junit.jupiter.api.Test;

import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import static io.sagaref.testsupport.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Overload is refused at the door: past the admission limit a new order answers 503 with
 * Retry-After and nothing is placed; once a saga ends, orders are taken again. Runs in
 * its own context with a short deadline, which first ends the orders other tests left
 * pending, so that this test knows the whole backlog.
 */
@TestPropertySource(properties = { "saga.order.deadline=10s", "saga.order.deadline-check-interval=200ms",
		"saga.order.admission.max-pending=5", "saga.order.admission.recheck-interval=0s" })
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class AdmissionIT extends OrderServiceIntegrationTest {

	@Test
	void refusesANewOrderWith503WhileTheBacklogIsFullAndTakesOrdersAgainOnceASagaEnds() {
		await().atMost(Duration.ofSeconds(30)).until(() -> pending() == 0);
		String sku = productPriced("4.00");
		List<UUID> accepted = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			ApiReply reply = this.api.post("/api/orders", orderJson(UUID.randomUUID(), sku, 1));
			assertThat(reply.status()).isEqualTo(202);
			accepted.add(UUID.fromString(reply.json().path("orderId").asString()));
		}

		ApiReply refused = this.api.post("/api/orders", orderJson(UUID.randomUUID(), sku, 1));

		assertProblem(refused, 503, "5 orders are still being processed");
		assertThat(refused.header("Retry-After")).isEqualTo("2");
		assertThat(ordersOf(sku)).isEqualTo(5);

		UUID first = accepted.get(0);
		deliver(sagaEvent("StockReserved", first));
		awaitStatus(first, "CONFIRMED");
		assertThat(this.api.post("/api/orders", orderJson(UUID.randomUUID(), sku, 1)).status()).isEqualTo(202);
	}

	private int pending() {
		Integer count = this.jdbc.queryForObject("select count(*) from orders where status = 'PENDING'", Integer.class);
		return (count != null) ? count : 0;
	}

	private int ordersOf(String sku) {
		Integer count = this.jdbc.queryForObject("select count(*) from order_line where sku = ?", Integer.class, sku);
		return (count != null) ? count : 0;
	}

}
