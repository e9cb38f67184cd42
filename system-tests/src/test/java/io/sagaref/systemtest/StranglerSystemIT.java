package io.sagaref.systemtest;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The strangler on the real stack: legacy-monolith follows inventory-service's events
 * into its own schema, and the gateway splits the catalog reads between the two by weight
 * or serves them from the old system while mirroring them to the new one, comparing the
 * answers. Measured over 1,000 requests.
 */
class StranglerSystemIT extends WholeSystemTest {

	private static final int REQUESTS = 1000;

	private StranglerAdmin admin;

	private SagaApi legacy;

	@BeforeEach
	void operator() {
		this.admin = new StranglerAdmin(stack.gatewayUrl());
		this.legacy = new SagaApi(stack.service("legacy-monolith").url());
	}

	@AfterEach
	void backToTheConfiguredSetting() {
		this.admin.setProducts(100, "SPLIT");
		this.legacy.post("/internal/catalog-feed/resume", "");
	}

	/**
	 * Waits until the old system answers the product exactly as inventory-service does.
	 */
	private void awaitInSync(String sku) {
		String current = stack.service("inventory-service").url();
		SagaApi inventory = new SagaApi(current);
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.legacy.get("/api/products/" + sku)
				.body()
				.equals(inventory.get("/api/products/" + sku).body()));
	}

	@Test
	void splitsAThousandCatalogReadsAtThirtyPercentAndBothSidesAnswerAlike() {
		String sku = newSku();
		api.createProduct(sku, "12.50", 10);
		awaitInSync(sku);
		this.admin.setProducts(30, "SPLIT");

		Map<String, Integer> servedBy = new HashMap<>();
		String body = null;
		for (int i = 0; i < REQUESTS; i++) {
			HttpResult reply = api.get("/api/products/" + sku);
			assertThat(reply.status()).isEqualTo(200);
			servedBy.merge(reply.headers().firstValue("X-Served-By").orElse("none"), 1, Integer::sum);
			if (body == null) {
				body = reply.body();
			}
			assertThat(reply.body()).as("answer %d, served by %s", i, reply.headers().firstValue("X-Served-By"))
				.isEqualTo(body);
		}

		int toNew = servedBy.getOrDefault("inventory-service", 0);
		double sigma = Math.sqrt(REQUESTS * 0.3 * 0.7);
		System.out.printf("Strangler split at 30%% over %d requests: %d to inventory-service, %d to legacy-monolith%n",
				REQUESTS, toNew, servedBy.getOrDefault("legacy-monolith", 0));
		assertThat(servedBy.keySet()).containsOnly("inventory-service", "legacy-monolith");
		assertThat((double) toNew).isBetween(REQUESTS * 0.3 - 5 * sigma, REQUESTS * 0.3 + 5 * sigma);
	}

	@Test
	void shadowModeMatchesWhileInSyncAndNamesTheFieldThatChangedOnlyOnTheNewSide() throws IOException {
		String sku = newSku();
		api.createProduct(sku, "9.99", 10);
		awaitInSync(sku);
		this.admin.setProducts(0, "SHADOW");
		double matches = this.admin.comparisons("match");

		HttpResult inSync = api.get("/api/products/" + sku);

		assertThat(inSync.headers().firstValue("X-Served-By")).hasValue("legacy-monolith");
		await().atMost(Duration.ofSeconds(30)).until(() -> this.admin.comparisons("match") == matches + 1);

		// the old copy stops following: stock added now reaches only the new side
		this.legacy.post("/internal/catalog-feed/pause", "");
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.legacy.get("/internal/catalog-feed").json().path("paused").asBoolean());
		assertThat(api.post("/api/products/" + sku + "/stock", "{\"quantity\": 5}").status()).isEqualTo(200);
		double mismatches = this.admin.comparisons("mismatch");

		HttpResult lagging = api.get("/api/products/" + sku);

		assertThat(lagging.json().path("available").asInt()).as("the client gets the old system's answer")
			.isEqualTo(10);
		await().atMost(Duration.ofSeconds(30)).until(() -> this.admin.comparisons("mismatch") == mismatches + 1);
		String mismatch = Files.readAllLines(stack.service("api-gateway").logFile())
			.stream()
			.filter((line) -> line.contains("Shadow mismatch") && line.contains(sku))
			.findFirst()
			.orElseThrow();
		assertThat(mismatch).contains("/available legacy=10 new=15").doesNotContain("/reserved", "/price");
		System.out.println("Shadow mismatch logged by the gateway: " + mismatch);

		this.legacy.post("/internal/catalog-feed/resume", "");
		awaitInSync(sku);
		double matchesAfter = this.admin.comparisons("match");
		assertThat(api.get("/api/products/" + sku).json().path("available").asInt()).isEqualTo(15);
		await().atMost(Duration.ofSeconds(30)).until(() -> this.admin.comparisons("match") == matchesAfter + 1);
	}

}
