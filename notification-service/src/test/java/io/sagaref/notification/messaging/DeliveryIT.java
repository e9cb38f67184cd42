package io.sagaref.notification.messaging;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import com.standardwebhooks.Webhook;
import io.sagaref.contracts.EventContracts;
import io.sagaref.notification.NotificationServiceIntegrationTest;
import io.sagaref.notification.Receiver;
import io.sagaref.testsupport.ContractEvent;
import io.sagaref.testsupport.TestEvents;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.awaitility.Awaitility.await;

class DeliveryIT extends NotificationServiceIntegrationTest {

	private final Receiver receiver = Receiver.start();

	private final UUID customer = UUID.randomUUID();

	private final UUID order = UUID.randomUUID();

	@AfterEach
	void stopReceiver() {
		this.receiver.close();
	}

	@Test
	void postsTheOutcomeSignedSoTheStandardWebhooksLibraryVerifiesIt() throws Exception {
		JsonNode webhook = registered(this.customer, this.receiver.url("/hooks"));
		placed(this.order, this.customer, null);
		ContractEvent confirmed = confirmed(this.order, this.customer);
		deliver(confirmed);

		Receiver.Received request = this.receiver.awaitRequests(1).get(0);

		new Webhook(webhook.path("secret").asString()).verify(request.body(), request.headers());
		JsonNode body = TestEvents.tree(request.body());
		assertThat(body.path("type").asString()).isEqualTo("order.confirmed");
		assertThat(body.path("timestamp").asString()).isNotBlank();
		JsonNode data = body.path("data");
		assertThat(data.path("orderId").asString()).isEqualTo(this.order.toString());
		assertThat(data.path("customerId").asString()).isEqualTo(this.customer.toString());
		assertThat(data.path("status").asString()).isEqualTo("CONFIRMED");
		assertThat(data.path("total").decimalValue()).isEqualByComparingTo("25.00");
		assertThat(data.has("rejectionReason")).isFalse();
		assertThat(request.header("content-type")).startsWith("application/json");

		JsonNode delivery = awaitDelivery(this.customer, webhook.path("webhookId").asString(), "DELIVERED");
		assertThat(request.header("webhook-id")).isEqualTo(delivery.path("deliveryId").asString());
		assertThat(delivery.path("type").asString()).isEqualTo("order.confirmed");
		assertThat(delivery.path("orderId").asString()).isEqualTo(this.order.toString());
		assertThat(delivery.path("attempts").asInt()).isEqualTo(1);
		assertThat(delivery.path("lastStatusCode").asInt()).isEqualTo(200);
		assertThat(delivery.path("lastAttemptAt").asString()).isNotBlank();
		assertThat(delivery.path("nextAttemptAt").isNull()).isTrue();
	}

	@Test
	void reportsTheReasonOfARejection() {
		registered(this.customer, this.receiver.url("/hooks"));
		placed(this.order, this.customer, null);
		deliver(rejected(this.order, this.customer, "INSUFFICIENT_FUNDS"));

		JsonNode body = TestEvents.tree(this.receiver.awaitRequests(1).get(0).body());

		assertThat(body.path("type").asString()).isEqualTo("order.rejected");
		assertThat(body.path("data").path("status").asString()).isEqualTo("REJECTED");
		assertThat(body.path("data").path("rejectionReason").asString()).isEqualTo("INSUFFICIENT_FUNDS");
	}

	@Test
	void triesAgainWithTheSameIdAndBodyAfterAFailure() throws Exception {
		this.receiver.answer(500, 302);
		JsonNode webhook = registered(this.customer, this.receiver.url("/hooks"));
		placed(this.order, this.customer, null);
		deliver(confirmed(this.order, this.customer));

		List<Receiver.Received> requests = this.receiver.awaitRequests(3);

		assertThat(requests).extracting((r) -> r.header("webhook-id"))
			.containsOnly(requests.get(0).header("webhook-id"));
		assertThat(requests).extracting(Receiver.Received::body).containsOnly(requests.get(0).body());
		for (Receiver.Received request : requests) {
			assertThatCode(
					() -> new Webhook(webhook.path("secret").asString()).verify(request.body(), request.headers()))
				.doesNotThrowAnyException();
		}
		JsonNode delivery = awaitDelivery(this.customer, webhook.path("webhookId").asString(), "DELIVERED");
		assertThat(delivery.path("attempts").asInt()).isEqualTo(3);
	}

	@Test
	void failsADeliveryOnceItsRetriesAreUsedUp() {
		this.receiver.answer(500, 500, 500, 500, 500);
		JsonNode webhook = registered(this.customer, this.receiver.url("/hooks"));
		placed(this.order, this.customer, null);
		deliver(confirmed(this.order, this.customer));

		JsonNode delivery = awaitDelivery(this.customer, webhook.path("webhookId").asString(), "FAILED");

		assertThat(delivery.path("attempts").asInt()).isEqualTo(4);
		assertThat(delivery.path("lastStatusCode").asInt()).isEqualTo(500);
		assertThat(delivery.path("nextAttemptAt").isNull()).isTrue();
		assertThat(this.receiver.received()).hasSize(4);
	}

	@Test
	void schedulesTheRetryWhileADeliveryIsPending() {
		this.receiver.answer(503);
		JsonNode webhook = registered(this.customer, this.receiver.url("/hooks"));
		placed(this.order, this.customer, null);
		deliver(confirmed(this.order, this.customer));
		String id = webhook.path("webhookId").asString();

		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(deliveries(this.customer, id).path(0).path("lastStatusCode").asInt())
				.isEqualTo(503));
		JsonNode delivery = deliveries(this.customer, id).path(0);
		if (delivery.path("status").asString().equals("PENDING")) {
			assertThat(delivery.path("nextAttemptAt").asString()).isNotBlank();
		}
		awaitDelivery(this.customer, id, "DELIVERED");
	}

	@Test
	void disablesAnEndpointThatAnswers410() {
		this.receiver.answer(410);
		JsonNode webhook = registered(this.customer, this.receiver.url("/hooks"));
		String id = webhook.path("webhookId").asString();
		placed(this.order, this.customer, null);
		deliver(confirmed(this.order, this.customer));

		JsonNode delivery = awaitDelivery(this.customer, id, "FAILED");

		assertThat(delivery.path("lastStatusCode").asInt()).isEqualTo(410);
		JsonNode listed = this.api.get("/api/customers/" + this.customer + "/webhooks").json().get(0);
		assertThat(listed.path("status").asString()).isEqualTo("DISABLED");
		var removed = probe.awaitEvent(NOTIFICATIONS_TOPIC, "WebhookRemoved", id);
		EventContracts.assertConforms(NOTIFICATIONS_TOPIC, removed.value());

		try (Receiver other = Receiver.start()) {
			String otherHook = registered(this.customer, other.url("/other")).path("webhookId").asString();
			UUID next = UUID.randomUUID();
			placed(next, this.customer, null);
			deliver(confirmed(next, this.customer));
			awaitDelivery(this.customer, otherHook, "DELIVERED");
		}
		assertThat(deliveries(this.customer, id)).hasSize(1);
		assertThat(this.receiver.received()).hasSize(1);
		assertThat(this.api
			.post("/api/customers/" + this.customer + "/webhooks/" + id + "/deliveries/"
					+ delivery.path("deliveryId").asString() + "/retry", "")
			.status()).isEqualTo(409);
	}

	@Test
	void queuesADeliveredOutcomeAgainOnRequest() {
		JsonNode webhook = registered(this.customer, this.receiver.url("/hooks"));
		String id = webhook.path("webhookId").asString();
		placed(this.order, this.customer, null);
		deliver(confirmed(this.order, this.customer));
		JsonNode delivery = awaitDelivery(this.customer, id, "DELIVERED");

		var reply = this.api.post("/api/customers/" + this.customer + "/webhooks/" + id + "/deliveries/"
				+ delivery.path("deliveryId").asString() + "/retry", "");

		assertThat(reply.status()).isEqualTo(202);
		List<Receiver.Received> requests = this.receiver.awaitRequests(2);
		assertThat(requests.get(1).header("webhook-id")).isEqualTo(delivery.path("deliveryId").asString());
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(
					() -> assertThat(deliveries(this.customer, id).path(0).path("attempts").asInt()).isEqualTo(2));
	}

	@Test
	void deliversOnlyToTheCallbackEndpointOfAnOrderThatNamedOne() {
		try (Receiver other = Receiver.start()) {
			String callback = this.receiver.url("/callback");
			String chosen = registered(this.customer, callback).path("webhookId").asString();
			String notChosen = registered(this.customer, other.url("/all")).path("webhookId").asString();
			placed(this.order, this.customer, callback);
			deliver(confirmed(this.order, this.customer));

			awaitDelivery(this.customer, chosen, "DELIVERED");
			UUID plain = UUID.randomUUID();
			placed(plain, this.customer, null);
			deliver(confirmed(plain, this.customer));
			awaitDelivery(this.customer, notChosen, "DELIVERED");

			assertThat(deliveries(this.customer, notChosen)).hasSize(1);
			assertThat(deliveries(this.customer, notChosen).path(0).path("orderId").asString())
				.isEqualTo(plain.toString());
			assertThat(deliveries(this.customer, chosen)).hasSize(2);
		}
	}

	@Test
	void queuesARedeliveredEventOnlyOnce() {
		String id = registered(this.customer, this.receiver.url("/hooks")).path("webhookId").asString();
		placed(this.order, this.customer, null);
		ContractEvent confirmed = confirmed(this.order, this.customer);

		deliver(confirmed);
		deliver(confirmed);
		awaitHandledUpTo(this.order);

		assertThat(deliveries(this.customer, id)).extracting((d) -> d.path("type").asString())
			.containsExactly("order.confirmed", "order.rejected");
	}

	@Test
	void aHangingEndpointDoesNotHoldBackAnotherCustomersDelivery() {
		try (Receiver slow = Receiver.start()) {
			slow.hang();
			UUID slowCustomer = UUID.randomUUID();
			String slowHook = registered(slowCustomer, slow.url("/slow")).path("webhookId").asString();
			String fastHook = registered(this.customer, this.receiver.url("/fast")).path("webhookId").asString();
			UUID slowOrder = UUID.randomUUID();
			placed(slowOrder, slowCustomer, null);
			deliver(confirmed(slowOrder, slowCustomer));
			slow.awaitRequests(1);

			placed(this.order, this.customer, null);
			deliver(confirmed(this.order, this.customer));

			awaitDelivery(this.customer, fastHook, "DELIVERED");
			assertThat(deliveries(slowCustomer, slowHook).path(0).path("attempts").asInt()).isZero();
			slow.release();
		}
	}

	@Test
	void sendsAMalformedOrderEventToTheDeadLetterTopic() {
		UUID orderId = UUID.randomUUID();
		probe.send(ORDERS_TOPIC, orderId.toString(),
				ContractEvent.of("OrderConfirmed")
					.aboutOrder(orderId)
					.payload((payload) -> payload.remove("customerId"))
					.json());

		await().atMost(Duration.ofSeconds(30))
			.until(() -> probe.records(ORDERS_TOPIC + ".DLT")
				.stream()
				.anyMatch((r) -> orderId.toString().equals(r.key())));
	}

	/**
	 * Sends a rejection of the order after everything sent so far on its partition and
	 * waits for its delivery to be queued for the customer's first endpoint.
	 */
	private void awaitHandledUpTo(UUID orderId) {
		deliver(rejected(orderId, this.customer, "TIMED_OUT"));
		String id = this.api.get("/api/customers/" + this.customer + "/webhooks")
			.json()
			.get(0)
			.path("webhookId")
			.asString();
		await().atMost(Duration.ofSeconds(30))
			.until(() -> TestEvents
				.tree(this.api.get("/api/customers/" + this.customer + "/webhooks/" + id + "/deliveries").body())
				.findValues("type")
				.stream()
				.anyMatch((t) -> t.asString().equals("order.rejected")));
	}

}
