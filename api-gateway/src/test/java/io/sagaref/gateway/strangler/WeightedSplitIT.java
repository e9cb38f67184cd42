package io.sagaref.gateway.strangler;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.sagaref.gateway.StubResponse;
import io.sagaref.testsupport.ApiReply;

import static io.sagaref.gateway.StubBackends.INVENTORY_SERVICE;
import static io.sagaref.gateway.StubBackends.LEGACY_MONOLITH;
import static io.sagaref.testsupport.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The catalog reads split between the old system and inventory-service by the live
 * weight: measured over 1,000 requests within five standard deviations of the binomial
 * split, exact at 0 and 100 %, changed between two requests without a restart, and writes
 * never leave inventory-service.
 */
class WeightedSplitIT extends StranglerIntegrationTest {

	private static final String PRODUCT = "{\"sku\":\"BOOK-1\",\"name\":\"DDD\",\"price\":12.50,\"available\":10,\"reserved\":0}";

	private void bothSidesAnswer() {
		LEGACY_MONOLITH.respond((request) -> StubResponse.json(200, PRODUCT));
		INVENTORY_SERVICE.respond((request) -> StubResponse.json(200, PRODUCT));
	}

	private Map<String, Integer> servedBy(int requests, String path) {
		Map<String, Integer> counts = new HashMap<>();
		for (int i = 0; i < requests; i++) {
			// a client of its own per request: the split is measured, not the rate limit
			ApiReply reply = this.api.get(path, Map.of("X-Client-Id", "split-" + i));
			assertThat(reply.status()).isEqualTo(200);
			counts.merge(String.valueOf(reply.header("X-Served-By")), 1, Integer::sum);
		}
		return counts;
	}

	@Test
	void splitsAThousandRequestsByTheWeightWithinFiveSigma() {
		bothSidesAnswer();
		setRoute(30, "SPLIT");
		double legacyBefore = requests("legacy");
		double newBefore = requests("new");

		Map<String, Integer> counts = servedBy(1000, "/api/products/BOOK-1");

		int toNew = counts.getOrDefault("inventory-service", 0);
		int toLegacy = counts.getOrDefault("legacy-monolith", 0);
		// binomial(1000, 0.3): mean 300, sigma sqrt(1000 * 0.3 * 0.7) = 14.5
		double sigma = Math.sqrt(1000 * 0.3 * 0.7);
		assertThat(toNew + toLegacy).isEqualTo(1000);
		assertThat((double) toNew).isBetween(300 - 5 * sigma, 300 + 5 * sigma);
		assertThat(INVENTORY_SERVICE.receivedRequests()).hasSize(toNew);
		assertThat(LEGACY_MONOLITH.receivedRequests()).hasSize(toLegacy);
		assertThat(requests("new") - newBefore).isEqualTo(toNew);
		assertThat(requests("legacy") - legacyBefore).isEqualTo(toLegacy);
		System.out.printf("Measured split at 30%%: %d of 1000 to inventory-service, %d to legacy-monolith%n", toNew,
				toLegacy);
	}

	@Test
	void zeroAndAHundredPercentAreExact() {
		bothSidesAnswer();
		setRoute(0, "SPLIT");
		assertThat(servedBy(200, "/api/products?sku=BOOK-1&sku=BOOK-2"))
			.containsExactly(Map.entry("legacy-monolith", 200));
		assertThat(INVENTORY_SERVICE.receivedRequests()).isEmpty();

		setRoute(100, "SPLIT");
		assertThat(servedBy(200, "/api/products/BOOK-1")).containsExactly(Map.entry("inventory-service", 200));
		assertThat(LEGACY_MONOLITH.receivedRequests()).hasSize(200);
	}

	@Test
	void theWeightChangesBetweenTwoRequestsWithoutARestart() throws InterruptedException {
		bothSidesAnswer();
		setRoute(0, "SPLIT");
		ApiReply legacy = this.api.get("/api/products/BOOK-1?readToken=abc");
		assertThat(legacy.header("X-Served-By")).isEqualTo("legacy-monolith");
		var forwarded = LEGACY_MONOLITH.takeRequest();
		assertThat(forwarded.path()).isEqualTo("/api/products/BOOK-1");
		assertThat(forwarded.query()).isEqualTo("readToken=abc");
		assertThat(legacy.body()).isEqualTo(PRODUCT);

		setRoute(100, "SPLIT");

		assertThat(this.api.get("/api/products/BOOK-1").header("X-Served-By")).isEqualTo("inventory-service");
		ApiReply setting = this.api.get(ROUTE);
		assertThat(setting.json().path("newWeight").asInt()).isEqualTo(100);
		assertThat(setting.json().path("mode").asString()).isEqualTo("SPLIT");
	}

	@Test
	void writesGoToInventoryServiceWhateverTheWeight() throws InterruptedException {
		INVENTORY_SERVICE.respond((request) -> StubResponse.json(201, PRODUCT));
		setRoute(0, "SHADOW");

		ApiReply created = this.api.post("/api/products", "{\"sku\":\"BOOK-1\"}");
		ApiReply stock = this.api.post("/api/products/BOOK-1/stock", "{\"quantity\":1}");

		assertThat(created.status()).isEqualTo(201);
		assertThat(stock.status()).isEqualTo(201);
		assertThat(created.header("X-Served-By")).isNull();
		assertThat(INVENTORY_SERVICE.receivedRequests()).hasSize(2);
		assertThat(LEGACY_MONOLITH.receivedRequests()).isEmpty();
	}

	@Test
	void aLegacyBackendThatIsDownIsAServiceUnavailableProblemNamingIt() {
		setRoute(0, "SPLIT");
		LEGACY_MONOLITH.stop();
		try {
			assertProblem(this.api.get("/api/products/BOOK-1"), 503,
					"legacy-monolith is not reachable; try again later");
		}
		finally {
			LEGACY_MONOLITH.start();
		}
	}

	@Test
	void aLegacyFailureIsPassedThroughAsEveryRoutePassesItsBackendsAnswer() {
		setRoute(0, "SPLIT");
		LEGACY_MONOLITH.respond((request) -> StubResponse.problem(500, "legacy failure"));

		ApiReply reply = this.api.get("/api/products/BOOK-1");

		assertThat(reply.status()).isEqualTo(500);
		assertThat(reply.header("X-Served-By")).isEqualTo("legacy-monolith");
	}

}
