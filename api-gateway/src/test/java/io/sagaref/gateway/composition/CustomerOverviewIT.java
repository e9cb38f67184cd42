package io.sagaref.gateway.composition;

import java.util.UUID;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;

import io.sagaref.gateway.GatewayIntegrationTest;
import io.sagaref.gateway.RecordedRequest;
import io.sagaref.gateway.StubBackends;
import io.sagaref.gateway.StubResponse;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient.BodyContentSpec;
import org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec;

import static io.sagaref.gateway.StubBackends.INVENTORY_SERVICE;
import static io.sagaref.gateway.StubBackends.ORDER_QUERY_SERVICE;
import static io.sagaref.gateway.StubBackends.PAYMENT_SERVICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.nullValue;

/**
 * The customer overview is joined from three services, and degrades to an explicit
 * partial result when one of them is down or slow.
 */
class CustomerOverviewIT extends GatewayIntegrationTest {

	private final UUID customerId = UUID.randomUUID();

	@Test
	void keepsMoneyExactlyAsTheOwningServiceWroteIt() {
		answerAccount();
		answerOrders();
		answerProducts();

		String body = new String(overview().expectStatus().isOk().expectBody().returnResult().getResponseBodyContent(),
				java.nio.charset.StandardCharsets.UTF_8);

		assertThat(body).contains("\"balance\":100.50");
	}

	@Test
	void joinsAccountOrdersAndAvailabilityOfTheProductsInOpenOrders() throws InterruptedException {
		answerAccount();
		answerOrders();
		answerProducts();

		overview().expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
			.expectBody()
			.jsonPath("$.customerId")
			.isEqualTo(this.customerId.toString())
			.jsonPath("$.account.name")
			.isEqualTo("Ada")
			.jsonPath("$.account.balance")
			.isEqualTo(100.5)
			.jsonPath("$.orders.length()")
			.isEqualTo(3)
			.jsonPath("$.orders[0].orderId")
			.isEqualTo("o-1")
			.jsonPath("$.availability.length()")
			.isEqualTo(2)
			.jsonPath("$.availability[0].sku")
			.isEqualTo("BOOK-1")
			.jsonPath("$.availability[0].name")
			.isEqualTo("Book")
			.jsonPath("$.availability[0].available")
			.isEqualTo(7)
			.jsonPath("$.availability[1].sku")
			.isEqualTo("PEN-2")
			.jsonPath("$.partial")
			.isEqualTo(false)
			.jsonPath("$.unavailable.length()")
			.isEqualTo(0);

		assertThat(PAYMENT_SERVICE.takeRequest().path()).isEqualTo("/api/customers/" + this.customerId);
		RecordedRequest orders = ORDER_QUERY_SERVICE.takeRequest();
		assertThat(orders.path()).isEqualTo("/api/orders");
		assertThat(orders.query()).isEqualTo("customerId=" + this.customerId + "&size=100");
		RecordedRequest products = INVENTORY_SERVICE.takeRequest();
		assertThat(products.path()).isEqualTo("/api/products");
		assertThat(products.query()).as("only skus of PENDING or CONFIRMED orders").isEqualTo("sku=BOOK-1&sku=PEN-2");
	}

	@Test
	void asksInventoryNothingWhenNoOrderIsOpen() {
		answerAccount();
		ORDER_QUERY_SERVICE.respond((request) -> StubResponse.json(200,
				"[{\"orderId\":\"o-9\",\"status\":\"CANCELLED\",\"lines\":[{\"sku\":\"BOOK-1\",\"quantity\":1}]}]"));

		overview().expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.orders.length()")
			.isEqualTo(1)
			.jsonPath("$.availability.length()")
			.isEqualTo(0)
			.jsonPath("$.partial")
			.isEqualTo(false);
		assertThat(INVENTORY_SERVICE.receivedRequests()).isEmpty();
	}

	@Test
	void leavesTheAccountOutAndSaysSoWhenPaymentServiceIsDown() {
		answerOrders();
		answerProducts();
		PAYMENT_SERVICE.stop();
		try {
			partialOverview("payment-service").jsonPath("$.account")
				.value(nullValue())
				.jsonPath("$.orders.length()")
				.isEqualTo(3)
				.jsonPath("$.availability.length()")
				.isEqualTo(2);
		}
		finally {
			PAYMENT_SERVICE.start();
		}
	}

	@Test
	void leavesOrdersAndAvailabilityOutWhenTheReadModelIsSlowerThanTheTimeout() {
		answerAccount();
		CountDownLatch release = new CountDownLatch(1);
		ORDER_QUERY_SERVICE.respond((request) -> {
			block(release);
			return StubResponse.json(200, "[]");
		});
		try {
			partialOverview("order-query-service").jsonPath("$.account.name")
				.isEqualTo("Ada")
				.jsonPath("$.orders")
				.value(nullValue())
				.jsonPath("$.availability")
				.value(nullValue());
		}
		finally {
			release.countDown();
		}
	}

	@Test
	void leavesAvailabilityOutWhenInventoryFails() {
		answerAccount();
		answerOrders();
		INVENTORY_SERVICE.respond((request) -> StubResponse.json(500, "{\"error\":\"boom\"}"));

		partialOverview("inventory-service").jsonPath("$.orders.length()")
			.isEqualTo(3)
			.jsonPath("$.availability")
			.value(nullValue());
	}

	@Test
	void asksForTheAccountAndTheOrdersInParallel() {
		CountDownLatch accountAsked = new CountDownLatch(1);
		CountDownLatch ordersAsked = new CountDownLatch(1);
		// each stub answers only once the other one has been asked: sequential calls
		// would leave one of them waiting beyond the composition timeout
		PAYMENT_SERVICE.respond((request) -> {
			accountAsked.countDown();
			block(ordersAsked);
			return account();
		});
		ORDER_QUERY_SERVICE.respond((request) -> {
			ordersAsked.countDown();
			block(accountAsked);
			return StubResponse.json(200, "[]");
		});

		overview().expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.partial")
			.isEqualTo(false)
			.jsonPath("$.account.name")
			.isEqualTo("Ada")
			.jsonPath("$.orders")
			.isArray();
	}

	@Test
	void answersNotFoundProblemForAnUnknownCustomer() {
		PAYMENT_SERVICE.respond((request) -> StubResponse.problem(404, "no such customer"));
		answerOrders();
		answerProducts();

		overview().expectStatus()
			.isNotFound()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo(404)
			.jsonPath("$.detail")
			.isEqualTo("Unknown customer " + this.customerId);
	}

	@Test
	void answersBadRequestProblemForAMalformedCustomerId() {
		this.client.get()
			.uri("/api/customers/not-a-uuid/overview")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.detail")
			.isEqualTo("'not-a-uuid' is not a valid customer id (expected a UUID)");
		StubBackends.ALL.forEach((backend) -> assertThat(backend.receivedRequests()).isEmpty());
	}

	private ResponseSpec overview() {
		return this.client.get().uri("/api/customers/{id}/overview", this.customerId).exchange();
	}

	private BodyContentSpec partialOverview(String unavailable) {
		return overview().expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.customerId")
			.isEqualTo(this.customerId.toString())
			.jsonPath("$.partial")
			.isEqualTo(true)
			.jsonPath("$.unavailable.length()")
			.isEqualTo(1)
			.jsonPath("$.unavailable[0]")
			.isEqualTo(unavailable);
	}

	private StubResponse account() {
		return StubResponse.json(200,
				"{\"customerId\":\"" + this.customerId + "\",\"name\":\"Ada\",\"balance\":100.50}");
	}

	private void answerAccount() {
		PAYMENT_SERVICE.respond((request) -> account());
	}

	private void answerOrders() {
		ORDER_QUERY_SERVICE.respond((request) -> StubResponse.json(200,
				"""
						{"content": [
						  {"orderId": "o-1", "status": "PENDING", "lines": [{"sku": "PEN-2", "quantity": 1}]},
						  {"orderId": "o-2", "status": "CONFIRMED", "lines": [{"sku": "BOOK-1", "quantity": 2}, {"sku": "PEN-2", "quantity": 1}]},
						  {"orderId": "o-3", "status": "REJECTED", "lines": [{"sku": "MUG-3", "quantity": 1}]}
						], "page": {"number": 0, "size": 100, "totalElements": 3}}
						"""));
	}

	private void answerProducts() {
		INVENTORY_SERVICE.respond((request) -> StubResponse.json(200, """
				[{"sku": "BOOK-1", "name": "Book", "price": 12.50, "available": 7},
				 {"sku": "PEN-2", "name": "Pen", "price": 1.20, "available": 0}]
				"""));
	}

}
