package io.sagaref.order.web;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import io.sagaref.contracts.EventContracts;
import io.sagaref.order.CustomerId;
import io.sagaref.order.OrderServiceIntegrationTest;
import io.sagaref.testsupport.ApiReply;
import io.sagaref.testsupport.TestEvents;
import org.junit.jupiter.api.Test;

import static io.sagaref.testsupport.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An order's callbackUrl must be one of its customer's registered webhook URLs, as the
 * replica fed by notification-service's events knows them.
 */
class CallbackUrlIT extends OrderServiceIntegrationTest {

	private final UUID customer = UUID.randomUUID();

	@Test
	void refusesACallbackUrlTheCustomerNeverRegistered() {
		String sku = productPriced("5.00");

		ApiReply reply = place(sku, "https://client.example/never-registered");

		assertProblem(reply, 422, "not one of customer " + this.customer + "'s registered webhook URLs");
	}

	@Test
	void refusesAnotherCustomersWebhookUrl() {
		String sku = productPriced("5.00");
		webhookRegistered(UUID.randomUUID(), "https://other.example/hooks");

		assertProblem(place(sku, "https://other.example/hooks"), 422, "registered webhook URLs");
	}

	@Test
	void acceptsARegisteredUrlAndPublishesItWithOrderPlaced() {
		String sku = productPriced("5.00");
		webhookRegistered(this.customer, "https://client.example/hooks");

		ApiReply reply = place(sku, "https://client.example/hooks");

		assertThat(reply.status()).as(reply.body()).isEqualTo(202);
		String orderId = reply.json().path("orderId").asString();
		var placed = probe.awaitEvent(ORDERS_TOPIC, "OrderPlaced", orderId);
		EventContracts.assertConforms(ORDERS_TOPIC, placed.value());
		assertThat(TestEvents.payloadOf(placed.value()).path("callbackUrl").asString())
			.isEqualTo("https://client.example/hooks");
	}

	@Test
	void publishesANullCallbackUrlForAnOrderWithoutOne() {
		String sku = productPriced("5.00");

		ApiReply reply = this.api.post("/api/orders", orderJson(this.customer, sku, 1));

		var placed = probe.awaitEvent(ORDERS_TOPIC, "OrderPlaced", reply.json().path("orderId").asString());
		EventContracts.assertConforms(ORDERS_TOPIC, placed.value());
		assertThat(TestEvents.payloadOf(placed.value()).path("callbackUrl").isNull()).isTrue();
	}

	@Test
	void waitsForARegistrationThatIsStillOnItsWay() {
		String sku = productPriced("5.00");
		UUID webhookId = UUID.randomUUID();

		deliver(webhookEvent("WebhookRegistered", webhookId, this.customer, "https://client.example/just-now", 1));
		ApiReply reply = place(sku, "https://client.example/just-now");

		assertThat(reply.status()).as(reply.body()).isEqualTo(202);
	}

	@Test
	void refusesAUrlOnceItsWebhookIsRemovedAndIgnoresALateRegistration() {
		String sku = productPriced("5.00");
		String url = "https://client.example/removed";
		UUID webhookId = webhookRegistered(this.customer, url);

		deliver(webhookEvent("WebhookRemoved", webhookId, this.customer, url, 2));
		await().atMost(Duration.ofSeconds(30))
			.until(() -> !this.webhookUrls.isRegistered(new CustomerId(this.customer), url));
		deliver(webhookEvent("WebhookRegistered", webhookId, this.customer, url, 1));

		assertProblem(place(sku, url), 422, "registered webhook URLs");
	}

	@Test
	void answersARepeatedRequestWithItsOrderEvenIfTheUrlWasRemovedSince() {
		String sku = productPriced("5.00");
		String url = "https://client.example/repeat";
		UUID webhookId = webhookRegistered(this.customer, url);
		Map<String, String> key = Map.of("Idempotency-Key", "key-" + UUID.randomUUID());
		ApiReply first = this.api.post("/api/orders", json(sku, url), key);
		deliver(webhookEvent("WebhookRemoved", webhookId, this.customer, url, 2));
		await().atMost(Duration.ofSeconds(30))
			.until(() -> !this.webhookUrls.isRegistered(new CustomerId(this.customer), url));

		ApiReply again = this.api.post("/api/orders", json(sku, url), key);

		assertThat(again.status()).as(again.body()).isEqualTo(202);
		assertThat(again.json().path("orderId").asString()).isEqualTo(first.json().path("orderId").asString());
	}

	private ApiReply place(String sku, String callbackUrl) {
		return this.api.post("/api/orders", json(sku, callbackUrl));
	}

	private String json(String sku, String callbackUrl) {
		return """
				{"customerId":"%s","lines":[{"sku":"%s","quantity":1}],"callbackUrl":"%s"}""".formatted(this.customer,
				sku, callbackUrl);
	}

}
