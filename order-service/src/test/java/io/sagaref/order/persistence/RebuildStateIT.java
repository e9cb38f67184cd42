package io.sagaref.order.persistence;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.sagaref.order.OrderServiceIntegrationTest;
import io.sagaref.testsupport.ApiReply;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The current state holds nothing the streams do not: dropping every orders and
 * order_line row and folding every order stream again gives exactly the rows it replaced,
 * and repairs a row that was wrong.
 */
class RebuildStateIT extends OrderServiceIntegrationTest {

	@Test
	void rebuildsEveryOrderRowAndLineFromTheStreamsExactlyAsTheyWere() {
		endEveryPendingOrder();
		UUID pending = placedOrder();
		UUID confirmed = placedOrder();
		deliver(sagaEvent("StockReserved", confirmed));
		UUID rejected = placedOrder();
		deliver(sagaEvent("PaymentDeclined", rejected));
		UUID cancelledAfterConfirm = placedOrder();
		deliver(sagaEvent("StockReserved", cancelledAfterConfirm));
		String book = productPriced("12.50");
		String pen = productPriced("3.10");
		UUID customer = UUID.randomUUID();
		webhookRegistered(customer, "https://client.example/cb");
		ApiReply keyed = this.api.post("/api/orders", """
				{"customerId":"%s","lines":[{"sku":"%s","quantity":2},{"sku":"%s","quantity":3}],
				 "callbackUrl":"https://client.example/cb"}""".formatted(customer, book, pen),
				Map.of("Idempotency-Key", "key-" + UUID.randomUUID()));
		UUID withKey = UUID.fromString(keyed.json().path("orderId").asString());
		awaitStatus(confirmed, "CONFIRMED");
		awaitStatus(rejected, "REJECTED");
		awaitStatus(cancelledAfterConfirm, "CONFIRMED");
		this.api.post("/api/orders/" + cancelledAfterConfirm + "/cancel", "");
		List<String> orders = orderRows();
		List<String> lines = lineRows();
		this.jdbc.update("update orders set status = 'PENDING', version = 1 where id = ?", cancelledAfterConfirm);
		this.jdbc.update("delete from order_line where order_id = ? and line_no = 1", withKey);

		ApiReply reply = this.api.post("/internal/admin/rebuild-state", "");

		assertThat(reply.status()).as(reply.body()).isEqualTo(200);
		JsonNode rebuilt = reply.json();
		assertThat(rebuilt.path("streams").asInt()).isEqualTo(orders.size());
		assertThat(rebuilt.path("events").asLong()).isEqualTo(orderEvents());
		assertThat(rebuilt.path("tookMillis").isNumber()).isTrue();
		assertThat(orderRows()).containsExactlyElementsOf(orders);
		assertThat(lineRows()).containsExactlyElementsOf(lines);
		assertThat(this.api.get("/internal/orders/" + cancelledAfterConfirm).json().path("status").asString())
			.isEqualTo("CANCELLED");
		assertThat(statusOf(pending)).isEqualTo("PENDING");
		assertThat(statusOf(cancelledAfterConfirm)).isEqualTo("CANCELLED");
		Integer snapshots = this.jdbc.queryForObject("select count(*) from event_snapshot where stream_type = 'order'",
				Integer.class);
		assertThat(snapshots).isZero();
	}

	/**
	 * Ends the orders earlier tests left PENDING, so that the deadline job does not
	 * change them while this test compares rows.
	 */
	private void endEveryPendingOrder() {
		for (UUID id : this.jdbc.queryForList("select id from orders where status = 'PENDING'", UUID.class)) {
			this.api.post("/api/orders/" + id + "/cancel", "");
		}
	}

	private List<String> orderRows() {
		return this.jdbc.queryForList("select o::text from orders o order by id", String.class);
	}

	private List<String> lineRows() {
		return this.jdbc.queryForList("select l::text from order_line l order by order_id, line_no", String.class);
	}

	private long orderEvents() {
		Long count = this.jdbc.queryForObject("select count(*) from event_store where stream_type = 'order'",
				Long.class);
		return (count != null) ? count : 0;
	}

	private String statusOf(UUID orderId) {
		return this.jdbc.queryForObject("select status from orders where id = ?", String.class, orderId);
	}

}
