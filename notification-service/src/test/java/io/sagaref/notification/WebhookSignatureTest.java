package io.sagaref.notification;

import java.util.List;
import java.util.Map;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WebhookSignatureTest {

	private final WebhookSecret secret = WebhookSecret.random();

	private final DeliveryId id = DeliveryId.random();

	@Test
	void isVerifiedByTheStandardWebhooksLibrary() {
		long now = System.currentTimeMillis() / 1000;
		String body = "{\"type\":\"order.confirmed\"}";

		String signature = WebhookSignature.sign(this.secret, this.id, now, body);

		assertThatCode(() -> new Webhook(this.secret.value()).verify(body, headers(now, signature)))
			.doesNotThrowAnyException();
	}

	@Test
	void isRejectedForAnotherBody() {
		long now = System.currentTimeMillis() / 1000;
		String signature = WebhookSignature.sign(this.secret, this.id, now, "{\"a\":1}");

		assertThatThrownBy(() -> new Webhook(this.secret.value()).verify("{\"a\":2}", headers(now, signature)))
			.isInstanceOf(WebhookVerificationException.class);
	}

	@Test
	void isWhatTheStandardWebhooksLibrarySigns() throws Exception {
		String body = "{\"test\": 2432232314}";

		assertThat(WebhookSignature.sign(this.secret, this.id, 1614265330, body))
			.isEqualTo(new Webhook(this.secret.value()).sign(this.id.toString(), 1614265330, body));
	}

	@Test
	void secretsAreWhsecAndThirtyTwoRandomBytes() {
		assertThat(this.secret.value()).startsWith("whsec_");
		assertThat(this.secret.key()).hasSize(32);
		assertThat(WebhookSecret.random()).isNotEqualTo(this.secret);
		assertThat(this.secret.toString()).doesNotContain(this.secret.value().substring(6));
	}

	private Map<String, List<String>> headers(long timestamp, String signature) {
		return Map.of("webhook-id", List.of(this.id.toString()), "webhook-timestamp",
				List.of(String.valueOf(timestamp)), "webhook-signature", List.of(signature));
	}

}
