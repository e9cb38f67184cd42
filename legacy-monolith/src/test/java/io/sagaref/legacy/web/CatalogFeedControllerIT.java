package io.sagaref.legacy.web;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.sagaref.legacy.LegacyMonolithIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An operator can freeze the old copy and let it catch up later: a paused feed applies
 * nothing, a resumed one applies what arrived meanwhile.
 */
class CatalogFeedControllerIT extends LegacyMonolithIntegrationTest {

	@Test
	void aPausedFeedAppliesNothingUntilItIsResumed() {
		String sku = newSku();
		deliver(productRegistered(sku, "9.99", 10));
		await().atMost(Duration.ofSeconds(30)).until(() -> this.api.get("/api/products/" + sku).status() == 200);

		assertThat(this.api.post("/internal/catalog-feed/pause", "").json().path("pauseRequested").asBoolean())
			.isTrue();
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.api.get("/internal/catalog-feed").json().path("paused").asBoolean());
		deliver(stockAdded(sku, 5, 2));
		String token = new io.sagaref.web.ReadToken("inventory-service", sku, 2).encode();
		assertThat(this.api.get("/api/products/" + sku + "?readToken=" + token).status()).isEqualTo(503);
		assertThat(this.api.get("/api/products/" + sku).json().path("available").asInt()).isEqualTo(10);

		this.api.post("/internal/catalog-feed/resume", "");

		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.api.get("/api/products/" + sku).json().path("available").asInt() == 15);
		assertThat(this.api.get("/internal/catalog-feed").json().path("paused").asBoolean()).isFalse();
	}

}
