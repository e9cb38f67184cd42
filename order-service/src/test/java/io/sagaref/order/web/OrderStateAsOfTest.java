package io.sagaref.order.web;

import java.time.Instant;
import java.util.UUID;

import io.sagaref.order.OrderServiceIntegrationTest;
import io.sagaref.testsupport.ApiReply;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static io.sagaref.testsupport.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An order's state at three instants of its life (placed, confirmed, cancelled), folded
 * from its stream: the subclasses run it with snapshots every two events and without
 * snapshots, and expect the same answers.
 */
abstract class OrderStateAsOfTest extends OrderServiceIntegrationTest {

	@Test
	void answersTheOrderAsItStoodAtThreeInstants() {
		UUID orderId = placedOrder();
		deliver(sagaEvent("StockReserved", orderId));
		awaitStatus(orderId, "CONFIRMED");
		assertThat(this.api.post("/api/orders/" + orderId + "/cancel", "").status()).isEqualTo(202);
		JsonNode history = this.api.get("/api/orders/" + orderId + "/events").json();
		Instant placed = occurredAt(history.get(0));
		Instant confirmed = occurredAt(history.get(1));
		Instant cancelled = occurredAt(history.get(2));

		assertState(asOf(orderId, placed), "PENDING", 1, placed, placed);
		assertState(asOf(orderId, confirmed.minusNanos(1000)), "PENDING", 1, placed, placed);
		assertState(asOf(orderId, confirmed), "CONFIRMED", 2, placed, confirmed);
		assertState(asOf(orderId, cancelled), "CANCELLED", 3, placed, cancelled);
		assertState(asOf(orderId, cancelled.plusSeconds(3600)), "CANCELLED", 3, placed, cancelled);
		assertThat(asOf(orderId, cancelled).json()).isEqualTo(this.api.get("/internal/orders/" + orderId).json());
		assertProblem(asOf(orderId, placed.minusNanos(1000)), 404, orderId.toString());
		assertSnapshots(orderId);
	}

	@Test
	void answers400ForAMalformedInstant() {
		assertProblem(this.api.get("/internal/orders/" + UUID.randomUUID() + "?asOf=last-tuesday"), 400, "asOf");
	}

	/**
	 * Checks the snapshots this configuration takes of the order's three events.
	 * @param orderId the order
	 */
	abstract void assertSnapshots(UUID orderId);

	protected int snapshotsOf(UUID orderId) {
		Integer count = this.jdbc.queryForObject("select count(*) from event_snapshot where stream_id = ?",
				Integer.class, orderId.toString());
		return (count != null) ? count : 0;
	}

	private ApiReply asOf(UUID orderId, Instant instant) {
		return this.api.get("/internal/orders/" + orderId + "?asOf=" + instant);
	}

	private static void assertState(ApiReply reply, String status, long version, Instant placedAt, Instant updatedAt) {
		assertThat(reply.status()).as(reply.body()).isEqualTo(200);
		JsonNode order = reply.json();
		assertThat(order.path("status").asString()).isEqualTo(status);
		assertThat(order.path("eventSequence").asLong()).isEqualTo(version);
		assertThat(order.path("version").asLong()).isEqualTo(version);
		assertThat(Instant.parse(order.path("placedAt").asString())).isEqualTo(placedAt);
		assertThat(Instant.parse(order.path("updatedAt").asString())).isEqualTo(updatedAt);
		assertThat(order.path("total").decimalValue()).isEqualByComparingTo("10.00");
		assertThat(order.path("lines")).hasSize(1);
	}

	private static Instant occurredAt(JsonNode event) {
		return Instant.parse(event.path("occurredAt").asString());
	}

}
