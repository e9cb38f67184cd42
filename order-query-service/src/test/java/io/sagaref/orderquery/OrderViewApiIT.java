package io.sagaref.orderquery;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.sagaref.testsupport.ApiReply;
import io.sagaref.testsupport.Problems;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The HTTP contract of the read model on real data: one order, pages of orders, and the
 * problem for an order it has no events of. Malformed ids and parameters are answered by
 * the web layer alone (OrderViewControllerTest).
 */
class OrderViewApiIT extends OrderQueryServiceIntegrationTest {

	@Test
	void listsACustomersOrdersNewestFirstInPages() {
		UUID customer = UUID.randomUUID();
		Instant start = Instant.now().minusSeconds(60);
		Saga oldest = new Saga(customer, start);
		Saga middle = new Saga(customer, start.plusSeconds(1));
		Saga newest = new Saga(customer, start.plusSeconds(2));
		Saga someoneElses = new Saga(UUID.randomUUID(), start.plusSeconds(3));
		send(oldest.placed(), oldest.confirmed(), middle.placed(), middle.rejected(2, "INSUFFICIENT_FUNDS"),
				newest.placed(), someoneElses.placed());
		awaitView(middle.orderId, (view) -> view.path("status").asString().equals("REJECTED"));
		awaitView(oldest.orderId, (view) -> view.path("status").asString().equals("CONFIRMED"));
		awaitView(someoneElses.orderId, hasTimelineOf(1));

		ApiReply all = await().until(() -> this.api.get("/api/orders?customerId=" + customer),
				(page) -> page.json().path("totalElements").asLong() == 3);
		ApiReply second = this.api.get("/api/orders?customerId=" + customer + "&page=1&size=2");
		ApiReply confirmed = this.api.get("/api/orders?customerId=" + customer + "&status=CONFIRMED");
		ApiReply pending = this.api.get("/api/orders?customerId=" + customer + "&status=pending");

		assertThat(all.status()).isEqualTo(200);
		assertThat(ids(all)).containsExactly(newest.orderId, middle.orderId, oldest.orderId);
		assertThat(all.json().path("page").asInt()).isZero();
		assertThat(all.json().path("size").asInt()).isEqualTo(20);
		assertThat(all.json().path("totalPages").asInt()).isEqualTo(1);
		JsonNode first = all.json().at("/content/0");
		assertThat(first.has("timeline")).as("lists leave the timeline out").isFalse();
		assertThat(first.path("customerId").asString()).isEqualTo(customer.toString());
		assertThat(first.at("/lines/0/sku").asString()).isEqualTo("BOOK-1");
		assertThat(ids(second)).containsExactly(oldest.orderId);
		assertThat(second.json().path("page").asInt()).isEqualTo(1);
		assertThat(second.json().path("size").asInt()).isEqualTo(2);
		assertThat(second.json().path("totalElements").asLong()).isEqualTo(3);
		assertThat(second.json().path("totalPages").asInt()).isEqualTo(2);
		assertThat(ids(confirmed)).containsExactly(oldest.orderId);
		assertThat(ids(pending)).containsExactly(newest.orderId);
	}

	@Test
	void listsEveryCustomersOrdersWhenNotFiltered() {
		Saga saga = new Saga();
		send(saga.placed());
		awaitView(saga.orderId, hasTimelineOf(1));

		ApiReply page = this.api.get("/api/orders?size=100");

		assertThat(page.status()).isEqualTo(200);
		assertThat(page.json().path("totalElements").asLong()).isPositive();
		assertThat(page.json().path("content").size()).isBetween(1, 100);
	}

	@Test
	void answersNotFoundAsProblemForAnOrderWithoutEvents() {
		UUID unknown = UUID.randomUUID();

		ApiReply reply = this.api.get("/api/orders/" + unknown);

		Problems.assertProblem(reply, 404, "No order " + unknown + " in the read model");
	}

	private static List<UUID> ids(ApiReply page) {
		List<UUID> ids = new ArrayList<>();
		page.json().path("content").forEach((view) -> ids.add(UUID.fromString(view.path("orderId").asString())));
		return ids;
	}

}
