package io.sagaref.notification.web;

import java.util.UUID;

import io.sagaref.contracts.EventContracts;
import io.sagaref.notification.NotificationServiceIntegrationTest;
import io.sagaref.testsupport.ApiReply;
import io.sagaref.testsupport.TestEvents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import static io.sagaref.testsupport.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

class WebhookApiIT extends NotificationServiceIntegrationTest {

	private final UUID customer = UUID.randomUUID();

	@Test
	void registersAnEndpointWithANewSecretShownOnlyOnce() {
		ApiReply reply = register(this.customer, "http://127.0.0.1:9/hooks/orders");

		assertThat(reply.status()).isEqualTo(201);
		JsonNode webhook = reply.json();
		String id = webhook.path("webhookId").asString();
		assertThat(UUID.fromString(id)).isNotNull();
		assertThat(webhook.path("url").asString()).isEqualTo("http://127.0.0.1:9/hooks/orders");
		assertThat(webhook.path("secret").asString()).matches("whsec_[A-Za-z0-9+/]{43}=");
		assertThat(reply.location()).isEqualTo("/api/customers/" + this.customer + "/webhooks/" + id);

		JsonNode list = this.api.get("/api/customers/" + this.customer + "/webhooks").json();
		assertThat(list).hasSize(1);
		assertThat(list.get(0).path("webhookId").asString()).isEqualTo(id);
		assertThat(list.get(0).path("url").asString()).isEqualTo("http://127.0.0.1:9/hooks/orders");
		assertThat(list.get(0).path("status").asString()).isEqualTo("ACTIVE");
		assertThat(list.get(0).has("secret")).isFalse();
	}

	@Test
	void publishesTheRegistrationAndTheRemovalForOrderService() {
		String id = registered(this.customer, "http://127.0.0.1:9/a").path("webhookId").asString();

		var registeredEvent = probe.awaitEvent(NOTIFICATIONS_TOPIC, "WebhookRegistered", id);
		EventContracts.assertConforms(NOTIFICATIONS_TOPIC, registeredEvent.value());
		JsonNode payload = TestEvents.payloadOf(registeredEvent.value());
		assertThat(payload.path("customerId").asString()).isEqualTo(this.customer.toString());
		assertThat(payload.path("url").asString()).isEqualTo("http://127.0.0.1:9/a");

		assertThat(this.api.delete("/api/customers/" + this.customer + "/webhooks/" + id).status()).isEqualTo(204);

		var removed = probe.awaitEvent(NOTIFICATIONS_TOPIC, "WebhookRemoved", id);
		EventContracts.assertConforms(NOTIFICATIONS_TOPIC, removed.value());
		assertThat(TestEvents.tree(removed.value()).path("sequence").asLong()).isEqualTo(2);
		assertThat(this.api.get("/api/customers/" + this.customer + "/webhooks").json()).isEmpty();
	}

	@Test
	void answers404ForAnUnknownOrSomeoneElsesEndpoint() {
		String id = registered(this.customer, "http://127.0.0.1:9/b").path("webhookId").asString();

		assertProblem(this.api.delete("/api/customers/" + this.customer + "/webhooks/" + UUID.randomUUID()), 404,
				"No webhook");
		assertProblem(this.api.delete("/api/customers/" + UUID.randomUUID() + "/webhooks/" + id), 404, "No webhook");
		assertProblem(this.api.get("/api/customers/" + UUID.randomUUID() + "/webhooks/" + id + "/deliveries"), 404,
				"No webhook");
		assertProblem(this.api.post(
				"/api/customers/" + this.customer + "/webhooks/" + id + "/deliveries/" + UUID.randomUUID() + "/retry",
				""), 404, "No delivery");
	}

	@Test
	void answers409ForAUrlTheCustomerAlreadyRegistered() {
		registered(this.customer, "http://127.0.0.1:9/c");

		assertProblem(register(this.customer, "http://127.0.0.1:9/c"), 409, "already registered");
		assertThat(register(UUID.randomUUID(), "http://127.0.0.1:9/c").status()).isEqualTo(201);
	}

	@ParameterizedTest
	@ValueSource(strings = { "http://10.0.0.1/hook", "http://192.168.0.1/hook", "http://169.254.169.254/latest",
			"http://[fd00:ec2::254]/", "http://[fe80::1]/", "http://0.0.0.0/", "ftp://127.0.0.1/hook",
			"file:///etc/passwd" })
	void refusesTargetsThePolicyForbidsWith422(String url) {
		assertProblem(register(this.customer, url), 422, "Webhook");
		assertThat(this.api.get("/api/customers/" + this.customer + "/webhooks").json()).isEmpty();
	}

	@Test
	void answers400ForAMissingOrMalformedUrl() {
		assertProblem(this.api.post("/api/customers/" + this.customer + "/webhooks", "{}"), 400, "url");
		assertProblem(register(this.customer, "not a url"), 400, "url");
		assertProblem(register(this.customer, "/relative/path"), 400, "absolute");
		assertProblem(this.api.post("/api/customers/" + this.customer + "/webhooks", "{\"url\":"), 400, "");
		assertProblem(this.api.post("/api/customers/not-a-uuid/webhooks", "{\"url\":\"http://127.0.0.1/\"}"), 400, "");
	}

}
