package io.sagaref.gateway.composition;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import io.sagaref.gateway.GatewayIntegrationTest;
import io.sagaref.gateway.RecordedRequest;
import io.sagaref.gateway.StubBackends;
import io.sagaref.gateway.StubResponse;
import io.sagaref.testsupport.ApiReply;

import static io.sagaref.gateway.StubBackends.INVENTORY_SERVICE;
import static io.sagaref.gateway.StubBackends.ORDER_QUERY_SERVICE;
import static io.sagaref.gateway.StubBackends.PAYMENT_SERVICE;
import static io.sagaref.testsupport.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The customer overview is joined from three services, and degrades to an explicit
 * partial result, naming each failed section and why, when one of them is down or slow,
 * or does not include the write of the client's readToken yet; without the account
 * (payment-service, the root) it is a 503 problem naming the source.
 */
class CustomerOverviewIT extends GatewayIntegrationTest {

	private final UUID customerId = UUID.randomUUID();

	@Test
	void keepsMoneyExactlyAsTheOwningServiceWroteIt() {
		answerAccount();
		answerOrders();
		answerProducts();

		ApiReply reply = overview();

		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.body()).contains("\"balance\":100.50");
	}

	@Test
	void joinsAccountOrdersAndAvailabilityOfTheProductsInOpenOrders() throws InterruptedException {
		answerAccount();
		answerOrders();
		answerProducts();

		ApiReply reply = overview();

		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.contentType()).isEqualTo("application/json");
		JsonNode overview = reply.json();
		assertThat(overview.path("customerId").asString()).isEqualTo(this.customerId.toString());
		assertThat(overview.at("/account/name").asString()).isEqualTo("Ada");
		assertThat(overview.at("/account/balance").decimalValue()).isEqualByComparingTo("100.5");
		assertThat(overview.path("orders")).hasSize(3);
		assertThat(overview.at("/orders/0/orderId").asString()).isEqualTo("o-1");
		assertThat(overview.path("availability")).hasSize(2);
		assertThat(overview.at("/availability/0/sku").asString()).isEqualTo("BOOK-1");
		assertThat(overview.at("/availability/0/name").asString()).isEqualTo("Book");
		assertThat(overview.at("/availability/0/available").asLong()).isEqualTo(7);
		assertThat(overview.at("/availability/1/sku").asString()).isEqualTo("PEN-2");
		assertThat(overview.path("partial").asBoolean(true)).isFalse();
		assertThat(overview.path("unavailable").isArray()).isTrue();
		assertThat(overview.path("unavailable")).isEmpty();
		assertThat(overview.path("failures").isArray()).isTrue();
		assertThat(overview.path("failures")).isEmpty();

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

		ApiReply reply = overview();

		assertThat(reply.status()).isEqualTo(200);
		JsonNode overview = reply.json();
		assertThat(overview.path("orders")).hasSize(1);
		assertThat(overview.path("availability").isArray()).isTrue();
		assertThat(overview.path("availability")).isEmpty();
		assertThat(overview.path("partial").asBoolean(true)).isFalse();
		assertThat(INVENTORY_SERVICE.receivedRequests()).isEmpty();
	}

	@Test
	void answersServiceUnavailableNamingPaymentServiceWhenTheAccountsSourceIsDown() {
		answerOrders();
		answerProducts();
		PAYMENT_SERVICE.stop();
		try {
			ApiReply reply = overview();

			assertProblem(reply, 503, "The overview needs the account, and payment-service could not be reached");
			assertThat(reply.json().path("source").asString()).isEqualTo("payment-service");
			assertThat(reply.json().path("reason").asString()).isEqualTo("UNREACHABLE");
			assertThat(reply.header("Retry-After")).isEqualTo("1");
		}
		finally {
			PAYMENT_SERVICE.start();
		}
	}

	@Test
	void leavesOrdersAndAvailabilityOutAndSaysWhyWhenTheReadModelIsStopped() {
		answerAccount();
		answerProducts();
		ORDER_QUERY_SERVICE.stop();
		try {
			JsonNode overview = partialOverview("order-query-service", "orders", "UNREACHABLE", overview());

			assertThat(overview.at("/account/name").asString()).isEqualTo("Ada");
			assertThat(overview.path("orders").isNull()).isTrue();
			assertThat(overview.path("availability").isNull()).isTrue();
			assertThat(overview.at("/failures/0/detail").asString())
				.isEqualTo("order-query-service could not be reached");
		}
		finally {
			ORDER_QUERY_SERVICE.start();
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
			JsonNode overview = partialOverview("order-query-service", "orders", "TIMEOUT", overview());

			assertThat(overview.at("/failures/0/detail").asString())
				.isEqualTo("order-query-service did not answer within 2000ms");
			assertThat(overview.at("/account/name").asString()).isEqualTo("Ada");
			assertThat(overview.path("orders").isNull()).isTrue();
			assertThat(overview.path("availability").isNull()).isTrue();
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

		JsonNode overview = partialOverview("inventory-service", "availability", "ERROR_5XX", overview());

		assertThat(overview.at("/failures/0/detail").asString()).isEqualTo("inventory-service answered 500");
		assertThat(overview.path("orders")).hasSize(3);
		assertThat(overview.path("availability").isNull()).isTrue();
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

		ApiReply reply = overview();

		assertThat(reply.status()).isEqualTo(200);
		JsonNode overview = reply.json();
		assertThat(overview.path("partial").asBoolean(true)).isFalse();
		assertThat(overview.at("/account/name").asString()).isEqualTo("Ada");
		assertThat(overview.path("orders").isArray()).isTrue();
	}

	@Test
	void answersNotFoundProblemForAnUnknownCustomer() {
		PAYMENT_SERVICE.respond((request) -> StubResponse.problem(404, "no such customer"));
		answerOrders();
		answerProducts();

		ApiReply reply = overview();

		assertProblem(reply, 404, "Unknown customer " + this.customerId);
		assertThat(reply.detail()).isEqualTo("Unknown customer " + this.customerId);
	}

	/**
	 * The controller's own check is covered by CustomerOverviewControllerTest; this one
	 * proves that, in the running gateway, a malformed id reaches the controller and is
	 * not proxied to payment-service by the customers route.
	 */
	@Test
	void answersBadRequestProblemForAMalformedCustomerIdWithoutAskingAnyBackend() {
		ApiReply reply = this.api.get("/api/customers/not-a-uuid/overview");

		assertProblem(reply, 400, "'not-a-uuid' is not a valid customer id (expected a UUID)");
		assertThat(reply.detail()).isEqualTo("'not-a-uuid' is not a valid customer id (expected a UUID)");
		StubBackends.ALL.forEach((backend) -> assertThat(backend.receivedRequests()).isEmpty());
	}

	@Test
	void forwardsTheReadTokenUnchangedToEverySourceCall() throws InterruptedException {
		answerAccount();
		answerOrders();
		answerProducts();
		String token = readToken("order-service:" + UUID.randomUUID() + ":4");

		ApiReply reply = overview(token);

		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.json().path("partial").asBoolean(true)).isFalse();
		RecordedRequest account = PAYMENT_SERVICE.takeRequest();
		assertThat(account.path()).isEqualTo("/api/customers/" + this.customerId);
		assertThat(account.query()).isEqualTo("readToken=" + token);
		assertThat(ORDER_QUERY_SERVICE.takeRequest().query())
			.isEqualTo("customerId=" + this.customerId + "&size=100&readToken=" + token);
		assertThat(INVENTORY_SERVICE.takeRequest().query()).isEqualTo("sku=BOOK-1&sku=PEN-2&readToken=" + token);
	}

	@Test
	void failsTheOrdersPartWhenTheReadModelDoesNotIncludeTheWriteYet() {
		answerAccount();
		answerProducts();
		ORDER_QUERY_SERVICE.respond((request) -> notCurrentYet());

		JsonNode overview = partialOverview("order-query-service", "orders", "NOT_CURRENT",
				overview(readToken("order-service:" + UUID.randomUUID() + ":7")));

		assertThat(overview.at("/account/name").asString()).isEqualTo("Ada");
		assertThat(overview.path("orders").isNull()).as("no stale orders").isTrue();
		assertThat(overview.path("availability").isNull()).isTrue();
		assertThat(INVENTORY_SERVICE.receivedRequests()).isEmpty();
	}

	@Test
	void failsTheAvailabilityPartWhenInventoryDoesNotIncludeTheWriteYet() {
		answerAccount();
		answerOrders();
		INVENTORY_SERVICE.respond((request) -> notCurrentYet());

		JsonNode overview = partialOverview("inventory-service", "availability", "NOT_CURRENT",
				overview(readToken("inventory-service:BOOK-1:2")));

		assertThat(overview.path("orders")).hasSize(3);
		assertThat(overview.path("availability").isNull()).isTrue();
	}

	@Test
	void answersServiceUnavailableWhenTheAccountDoesNotIncludeTheWriteYet() {
		PAYMENT_SERVICE.respond((request) -> notCurrentYet());
		answerOrders();
		answerProducts();

		ApiReply reply = overview(readToken("payment-service:" + this.customerId + ":3"));

		assertProblem(reply, 503, "payment-service does not include the write of the readToken yet");
		assertThat(reply.header("Retry-After")).isEqualTo("1");
	}

	@Test
	void answersServiceUnavailableWhenPaymentServiceAnswersServiceUnavailableWithoutAReadToken() {
		PAYMENT_SERVICE.respond((request) -> notCurrentYet());
		answerOrders();
		answerProducts();

		ApiReply reply = overview();

		assertProblem(reply, 503, "The overview needs the account, and payment-service answered 503 (ERROR_5XX)");
	}

	@Test
	void forwardsTheRequestIdToEverySourceCall() throws InterruptedException {
		answerAccount();
		answerOrders();
		answerProducts();

		ApiReply reply = this.api.get("/api/customers/" + this.customerId + "/overview",
				Map.of("X-Request-Id", "overview-42"));

		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.header("X-Request-Id")).isEqualTo("overview-42");
		assertThat(PAYMENT_SERVICE.takeRequest().header("X-Request-Id")).isEqualTo("overview-42");
		assertThat(ORDER_QUERY_SERVICE.takeRequest().header("X-Request-Id")).isEqualTo("overview-42");
		assertThat(INVENTORY_SERVICE.takeRequest().header("X-Request-Id")).isEqualTo("overview-42");
	}

	@Test
	void answersBadRequestProblemForAMalformedReadTokenWithoutAskingAnyBackend() {
		ApiReply reply = overview("not-a-token");

		assertProblem(reply, 400, "'not-a-token' is not a read token");
		StubBackends.ALL.forEach((backend) -> assertThat(backend.receivedRequests()).isEmpty());
	}

	private ApiReply overview() {
		return this.api.get("/api/customers/" + this.customerId + "/overview");
	}

	private ApiReply overview(String readToken) {
		return this.api.get("/api/customers/" + this.customerId + "/overview?readToken=" + readToken);
	}

	private static String readToken(String write) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(write.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * What a service answers when its view does not include the token's write in time.
	 */
	private static StubResponse notCurrentYet() {
		return StubResponse.problem(503, "The view does not include the write yet").withHeader("Retry-After", "1");
	}

	private JsonNode partialOverview(String unavailable, String section, String reason, ApiReply reply) {
		assertThat(reply.status()).isEqualTo(200);
		JsonNode overview = reply.json();
		assertThat(overview.path("customerId").asString()).isEqualTo(this.customerId.toString());
		assertThat(overview.path("partial").asBoolean(false)).isTrue();
		assertThat(overview.path("unavailable")).hasSize(1);
		assertThat(overview.at("/unavailable/0").asString()).isEqualTo(unavailable);
		assertThat(overview.path("failures")).hasSize(1);
		assertThat(overview.at("/failures/0/source").asString()).isEqualTo(unavailable);
		assertThat(overview.at("/failures/0/section").asString()).isEqualTo(section);
		assertThat(overview.at("/failures/0/reason").asString()).isEqualTo(reason);
		return overview;
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
