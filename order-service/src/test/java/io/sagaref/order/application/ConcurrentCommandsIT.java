package io.sagaref.order.application;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;

import io.sagaref.order.OrderServiceIntegrationTest;
import io.sagaref.testsupport.ApiReply;
import io.sagaref.testsupport.ContractEvent;
import io.sagaref.testsupport.TestEvents;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Commands on one order at the same moment (a confirmation from Kafka and a burst of
 * cancels over HTTP) take turns on the order's row lock: one cancel wins, the others find
 * it cancelled, no event is lost, and the stream counts 1..n without a gap, as do the
 * published sequences.
 */
class ConcurrentCommandsIT extends OrderServiceIntegrationTest {

	@Test
	void concurrentCommandsOnOneOrderTakeTurnsAndLoseNoEvent() throws Exception {
		UUID orderId = placedOrder();
		int cancels = 8;
		CountDownLatch start = new CountDownLatch(1);
		List<Future<ApiReply>> replies = new ArrayList<>();
		ContractEvent reserved = sagaEvent("StockReserved", orderId);
		try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
			for (int i = 0; i < cancels; i++) {
				replies.add(executor.submit(() -> {
					start.await();
					return this.api.post("/api/orders/" + orderId + "/cancel", "");
				}));
			}
			deliver(reserved);
			start.countDown();
		}
		awaitProcessed(reserved.eventId());

		for (Future<ApiReply> reply : replies) {
			assertThat(reply.get().status()).as(reply.get().body()).isEqualTo(202);
			assertThat(reply.get().json().path("status").asString()).isEqualTo("CANCELLED");
		}
		List<Long> versions = streamVersions(orderId);
		long n = versions.size();
		assertThat(n).as("placed, maybe confirmed, cancelled").isBetween(2L, 3L);
		assertThat(versions).containsExactlyElementsOf(LongStream.rangeClosed(1, n).boxed().toList());
		assertThat(emitted("OrderCancelled", orderId)).isEqualTo(1);
		assertThat(emitted("OrderConfirmed", orderId)).isEqualTo((int) n - 2);
		Long rowVersion = this.jdbc.queryForObject("select version from orders where id = ?", Long.class, orderId);
		assertThat(rowVersion).isEqualTo(n);
		await().atMost(Duration.ofSeconds(30)).until(() -> publishedSequences(orderId).size() == n);
		assertThat(publishedSequences(orderId)).containsExactlyElementsOf(versions);
	}

	private List<Long> publishedSequences(UUID orderId) {
		return probe.records(ORDERS_TOPIC)
			.stream()
			.filter((record) -> orderId.toString().equals(record.key()))
			.map((record) -> TestEvents.tree(record.value()).path("sequence").asLong())
			.toList();
	}

}
