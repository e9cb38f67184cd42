package io.sagaref.orderquery;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The HTTP contract of the read model: one order, pages of orders, and problem details
 * for whatever a client gets wrong.
 */
class OrderViewApiIT extends ReadModelIntegrationTest {

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

		Response all = await().until(() -> get("/api/orders?customerId=" + customer),
				(page) -> page.body().path("totalElements").asLong() == 3);
		Response second = get("/api/orders?customerId=" + customer + "&page=1&size=2");
		Response confirmed = get("/api/orders?customerId=" + customer + "&status=CONFIRMED");
		Response pending = get("/api/orders?customerId=" + customer + "&status=pending");

		assertThat(all.status()).isEqualTo(200);
		assertThat(ids(all)).containsExactly(newest.orderId, middle.orderId, oldest.orderId);
		assertThat(all.body().path("page").asInt()).isZero();
		assertThat(all.body().path("size").asInt()).isEqualTo(20);
		assertThat(all.body().path("totalPages").asInt()).isEqualTo(1);
		JsonNode first = all.body().at("/content/0");
		assertThat(first.has("timeline")).as("lists leave the timeline out").isFalse();
		assertThat(first.path("customerId").asString()).isEqualTo(customer.toString());
		assertThat(first.at("/lines/0/sku").asString()).isEqualTo("BOOK-1");
		assertThat(ids(second)).containsExactly(oldest.orderId);
		assertThat(second.body().path("page").asInt()).isEqualTo(1);
		assertThat(second.body().path("size").asInt()).isEqualTo(2);
		assertThat(second.body().path("totalElements").asLong()).isEqualTo(3);
		assertThat(second.body().path("totalPages").asInt()).isEqualTo(2);
		assertThat(ids(confirmed)).containsExactly(oldest.orderId);
		assertThat(ids(pending)).containsExactly(newest.orderId);
	}

	@Test
	void listsEveryCustomersOrdersWhenNotFiltered() {
		Saga saga = new Saga();
		send(saga.placed());
		awaitView(saga.orderId, hasTimelineOf(1));

		Response page = get("/api/orders?size=100");

		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body().path("totalElements").asLong()).isPositive();
		assertThat(page.body().path("content").size()).isBetween(1, 100);
	}

	@Test
	void answersNotFoundAsProblemForAnOrderWithoutEvents() {
		UUID unknown = UUID.randomUUID();

		Response response = get("/api/orders/" + unknown);

		assertThat(response.status()).isEqualTo(404);
		assertThat(response.isProblem()).isTrue();
		assertThat(response.detail()).contains(unknown.toString());
	}

	@Test
	void rejectsAMalformedOrderIdAsProblem() {
		Response response = get("/api/orders/not-a-uuid");

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.isProblem()).isTrue();
		assertThat(response.detail()).contains("not-a-uuid");
	}

	@ParameterizedTest(name = "?{0} -> 400 mentioning {1}")
	@CsvSource(delimiter = '|', quoteCharacter = '"',
			value = { "status=SHIPPED|'SHIPPED' is not a valid status; use one of [PENDING",
					"customerId=abc|'abc' is not a valid customerId", "size=0|size must be between 1 and 100",
					"size=101|size must be between 1 and 100", "page=-1|page must be 0 or more",
					"page=first|'first' is not a valid page" })
	void rejectsInvalidListParametersAsProblem(String query, String detail) {
		Response response = get("/api/orders?" + query);

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.isProblem()).isTrue();
		assertThat(response.detail()).contains(detail);
	}

	private static List<UUID> ids(Response page) {
		List<UUID> ids = new ArrayList<>();
		page.body().path("content").forEach((view) -> ids.add(UUID.fromString(view.path("orderId").asString())));
		return ids;
	}

}
