package io.sagaref.notification.messaging;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import io.sagaref.notification.NotificationServiceIntegrationTest;
import io.sagaref.notification.Receiver;
import io.sagaref.notification.TargetPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The target policy runs again at every attempt, with a fresh answer for the host, and
 * the attempt connects to the address it vetted. The host here is a name only this test's
 * resolver knows (no DNS server is asked): it points at the receiver on 127.0.0.1, then
 * "changes" to a private address, then back.
 */
@Import(DeliveryTimePolicyIT.RebindingResolver.class)
class DeliveryTimePolicyIT extends NotificationServiceIntegrationTest {

	private static final String HOST = "hooks.rebinding.test";

	private static final AtomicReference<InetAddress> ANSWER = new AtomicReference<>(InetAddress.getLoopbackAddress());

	private final Receiver receiver = Receiver.start();

	private final UUID customer = UUID.randomUUID();

	@AfterEach
	void stop() throws UnknownHostException {
		ANSWER.set(InetAddress.getLoopbackAddress());
		this.receiver.close();
	}

	@Test
	void refusesAnAttemptOnceTheHostResolvesToAPrivateAddressAndDeliversWhenItIsBack() throws Exception {
		String url = this.receiver.url("/hooks").replace("127.0.0.1", HOST);
		String webhookId = registered(this.customer, url).path("webhookId").asString();
		ANSWER.set(InetAddress.getByName("10.0.0.7"));
		UUID order = UUID.randomUUID();
		placed(order, this.customer, null);
		deliver(confirmed(order, this.customer));

		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(deliveries(this.customer, webhookId).path(0).path("lastError").asString())
				.contains("target refused")
				.contains("10.0.0.7"));
		assertThat(this.receiver.received()).isEmpty();

		ANSWER.set(InetAddress.getLoopbackAddress());
		JsonNode delivery = awaitDelivery(this.customer, webhookId, "DELIVERED");

		assertThat(delivery.path("attempts").asInt()).isGreaterThanOrEqualTo(2);
		assertThat(this.receiver.received()).hasSize(1);
		assertThat(this.receiver.received().get(0).header("host")).startsWith(HOST);
	}

	@TestConfiguration
	static class RebindingResolver {

		@Bean
		@Primary
		TargetPolicy rebindingPolicy() {
			return new TargetPolicy(true, (host) -> {
				if (host.equals(HOST)) {
					return new InetAddress[] { ANSWER.get() };
				}
				return InetAddress.getAllByName(host);
			});
		}

	}

}
