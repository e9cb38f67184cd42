package io.sagaref.systemtest;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import com.standardwebhooks.Webhook;
import io.sagaref.localstack.LocalStack;
import io.sagaref.localstack.ServiceProcess;
import io.sagaref.localstack.StackOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.awaitility.Awaitility.await;

/**
 * Webhooks through the gateway on the whole local stack, to a real HTTP receiver on
 * loopback that checks every signature with the Standard Webhooks library: a delivery
 * comes again after a 500, and again after notification-service was killed (kill -9)
 * while it was pending, with the same {@code webhook-id} each time; an endpoint that
 * answers 410 is disabled. Retries are seconds apart here (the schedule is
 * configuration), and a claimed delivery's lease is 5 s, so the kill costs seconds, not a
 * minute.
 */
class WebhookSystemIT {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static LocalStack stack;

	private static SagaApi api;

	@BeforeAll
	static void startTheWholeSystem() {
		String service = "notification-service";
		stack = LocalStack.start(StackOptions.forTests(Path.of(System.getProperty("saga.repo.root", "..")))
			.withServiceProperty(service, "saga.notifications.delivery.backoff", "1s,1s,2s,2s,2s,2s")
			.withServiceProperty(service, "saga.notifications.delivery.jitter", "0")
			.withServiceProperty("api-gateway", WholeSystemTest.RATE_LIMIT, "false")
			.withServiceProperty(service, "saga.notifications.delivery.lease", "5s"));
		api = new SagaApi(stack.gatewayUrl());
	}

	@AfterAll
	static void stopIt() {
		if (stack != null) {
			stack.close();
		}
	}

	@Test
	void aReceiverGetsEachOutcomeAgainAfterA500AndAfterTheDelivererWasKilledWhileItWasPending() {
		try (WebhookReceiver receiver = WebhookReceiver.start()) {
			String customer = api.createCustomer("Hooked", "100.00");
			String sku = product();
			JsonNode webhook = register(customer, receiver.url("/hooks/orders"));
			String secret = webhook.path("secret").asString();

			receiver.answer(500);
			String first = placeOrder(customer, sku, receiver.url("/hooks/orders"));
			assertThat(api.awaitTerminalStatus(first)).isEqualTo("CONFIRMED");
			List<WebhookReceiver.Received> again = receiver.awaitRequests(2);
			assertSignedBy(secret, again);
			assertThat(again).extracting((r) -> r.header("webhook-id")).containsOnly(again.get(0).header("webhook-id"));
			JsonNode body = JSON.readTree(again.get(1).body());
			assertThat(body.path("type").asString()).isEqualTo("order.confirmed");
			assertThat(body.path("data").path("orderId").asString()).isEqualTo(first);
			assertThat(body.path("data").path("customerId").asString()).isEqualTo(customer);
			assertThat(body.path("data").path("total").decimalValue()).isEqualByComparingTo("5.00");
			JsonNode delivered = awaitDelivery(customer, webhook.path("webhookId").asString(), first, "DELIVERED");
			assertThat(delivered.path("attempts").asInt()).isEqualTo(2);
			assertThat(delivered.path("deliveryId").asString()).isEqualTo(again.get(0).header("webhook-id"));

			receiver.hang();
			String second = placeOrder(customer, sku, null);
			List<WebhookReceiver.Received> pending = receiver.awaitRequests(3);
			ServiceProcess notifications = stack.service("notification-service");
			notifications.kill();
			receiver.release();
			notifications.start();

			List<WebhookReceiver.Received> afterRestart = receiver.awaitRequests(4);
			assertSignedBy(secret, afterRestart);
			assertThat(afterRestart.get(3).header("webhook-id")).isEqualTo(pending.get(2).header("webhook-id"));
			assertThat(JSON.readTree(afterRestart.get(3).body()).path("data").path("orderId").asString())
				.isEqualTo(second);
			awaitDelivery(customer, webhook.path("webhookId").asString(), second, "DELIVERED");
		}
	}

	@Test
	void anEndpointThatAnswers410IsDisabledAndNoLongerAValidCallback() {
		try (WebhookReceiver gone = WebhookReceiver.start(); WebhookReceiver other = WebhookReceiver.start()) {
			String customer = api.createCustomer("Gone", "100.00");
			String sku = product();
			String url = gone.url("/gone");
			String webhookId = register(customer, url).path("webhookId").asString();
			gone.answer(410);

			String order = placeOrder(customer, sku, null);
			awaitDelivery(customer, webhookId, order, "FAILED");
			assertThat(api.get("/api/customers/" + customer + "/webhooks").json().get(0).path("status").asString())
				.isEqualTo("DISABLED");

			register(customer, other.url("/other"));
			String next = placeOrder(customer, sku, null);
			await().atMost(Duration.ofSeconds(60))
				.until(() -> other.received()
					.stream()
					.anyMatch((r) -> JSON.readTree(r.body()).path("data").path("orderId").asString().equals(next)));
			assertThat(gone.received()).hasSize(1);
			await().atMost(Duration.ofSeconds(30))
				.until(() -> api.post("/api/orders", orderJson(customer, sku, url)).status() == 422);
		}
	}

	@Test
	void refusesPrivateAndMetadataTargetsAndUnregisteredCallbacks() {
		String customer = api.createCustomer("Careful", "100.00");
		for (String target : List.of("http://10.0.0.1/hook", "http://169.254.169.254/latest/meta-data",
				"http://[fd00:ec2::254]/", "ftp://127.0.0.1/hook")) {
			HttpResult refused = api.post("/api/customers/" + customer + "/webhooks", "{\"url\": \"" + target + "\"}");
			assertThat(refused.status()).as(target).isEqualTo(422);
			assertThat(refused.contentType()).startsWith("application/problem+json");
		}
		HttpResult unregistered = api.post("/api/orders", orderJson(customer, product(), "http://127.0.0.1:9/nope"));
		assertThat(unregistered.status()).isEqualTo(422);
		assertThat(unregistered.body()).contains("registered webhook URLs");
	}

	private static String product() {
		String sku = "HOOK-" + UUID.randomUUID().toString().substring(0, 8);
		api.createProduct(sku, "5.00", 100);
		return sku;
	}

	private static JsonNode register(String customer, String url) {
		HttpResult reply = api.post("/api/customers/" + customer + "/webhooks", "{\"url\": \"" + url + "\"}");
		assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
		return reply.json();
	}

	/** Places a one-unit order, waiting while the catalog replica lacks a new product. */
	private static String placeOrder(String customer, String sku, String callbackUrl) {
		HttpResult reply = await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> api.post("/api/orders", orderJson(customer, sku, callbackUrl)),
					(r) -> !(r.status() == 422 && r.body().contains(sku)));
		assertThat(reply.status()).as(reply.toString()).isEqualTo(202);
		return reply.json().path("orderId").asString();
	}

	private static String orderJson(String customer, String sku, String callbackUrl) {
		String callback = (callbackUrl != null) ? ", \"callbackUrl\": \"" + callbackUrl + "\"" : "";
		return "{\"customerId\": \"" + customer + "\", \"lines\": [{\"sku\": \"" + sku + "\", \"quantity\": 1}]"
				+ callback + "}";
	}

	private static JsonNode awaitDelivery(String customer, String webhookId, String orderId, String status) {
		String path = "/api/customers/" + customer + "/webhooks/" + webhookId + "/deliveries";
		return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
			for (JsonNode delivery : api.get(path).json()) {
				if (delivery.path("orderId").asString().equals(orderId)
						&& delivery.path("status").asString().equals(status)) {
					return delivery;
				}
			}
			return null;
		}, (delivery) -> delivery != null);
	}

	private static void assertSignedBy(String secret, List<WebhookReceiver.Received> requests) {
		for (WebhookReceiver.Received request : requests) {
			assertThatCode(() -> new Webhook(secret).verify(request.body(), request.headers()))
				.as("signature of %s", request.header("webhook-id"))
				.doesNotThrowAnyException();
		}
	}

}
