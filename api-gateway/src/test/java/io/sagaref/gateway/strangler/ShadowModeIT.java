package io.sagaref.gateway.strangler;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

import io.sagaref.gateway.RecordedRequest;
import io.sagaref.gateway.StubResponse;
import io.sagaref.testsupport.ApiReply;

import static io.sagaref.gateway.StubBackends.INVENTORY_SERVICE;
import static io.sagaref.gateway.StubBackends.LEGACY_MONOLITH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Shadow mode: the side drawn by the weight answers the client, the same request goes to
 * the other side in the background, and the two answers are compared field by field:
 * counted as a match or a mismatch, and each mismatch logged with the JSON pointers that
 * differ and both values. The mirror never delays or fails the client's answer.
 */
class ShadowModeIT extends StranglerIntegrationTest {

	private static final String LEGACY = "{\"sku\":\"BOOK-1\",\"name\":\"DDD\",\"price\":12.50,\"available\":10,\"reserved\":0}";

	@Test
	void servesFromLegacyAndCountsAMatchWhenTheNewSideAnswersTheSame() throws InterruptedException {
		LEGACY_MONOLITH.respond((request) -> StubResponse.json(200, LEGACY));
		// same values, other member order and scale: a client sees the same product
		INVENTORY_SERVICE.respond((request) -> StubResponse.json(200,
				"{\"reserved\":0,\"available\":10,\"price\":12.5,\"name\":\"DDD\",\"sku\":\"BOOK-1\"}"));
		setRoute(0, "SHADOW");
		double matches = comparisons("match");

		ApiReply reply = this.api.get("/api/products/BOOK-1?readToken=tok", java.util.Map.of("X-Request-Id", "r-1"));

		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.header("X-Served-By")).isEqualTo("legacy-monolith");
		assertThat(reply.body()).isEqualTo(LEGACY);
		RecordedRequest mirrored = INVENTORY_SERVICE.takeRequest();
		assertThat(mirrored.method()).isEqualTo("GET");
		assertThat(mirrored.path()).isEqualTo("/api/products/BOOK-1");
		assertThat(mirrored.query()).isEqualTo("readToken=tok");
		assertThat(mirrored.header("X-Request-Id")).isEqualTo("r-1");
		await().atMost(Duration.ofSeconds(10)).until(() -> comparisons("match") == matches + 1);
		assertThat(mismatchLines()).isEmpty();
	}

	@Test
	void countsAndLogsAMismatchNamingEveryDifferingField() {
		LEGACY_MONOLITH.respond((request) -> StubResponse.json(200, "[" + LEGACY + "]"));
		INVENTORY_SERVICE.respond((request) -> StubResponse.json(200,
				"[{\"sku\":\"BOOK-1\",\"name\":\"DDD\",\"price\":12.50,\"available\":15,\"reserved\":2}]"));
		setRoute(0, "SHADOW");
		double mismatches = comparisons("mismatch");

		ApiReply reply = this.api.get("/api/products?sku=BOOK-1");

		assertThat(reply.body()).isEqualTo("[" + LEGACY + "]");
		await().atMost(Duration.ofSeconds(10)).until(() -> comparisons("mismatch") == mismatches + 1);
		assertThat(mismatchLines()).singleElement()
			.asString()
			.contains("route products", "GET /api/products?sku=BOOK-1", "served by legacy-monolith",
					"/0/available legacy=10 new=15", "/0/reserved legacy=0 new=2")
			.doesNotContain("/0/price", "/0/sku");
	}

	@Test
	void aDifferentStatusIsAMismatchOfTheStatus() {
		LEGACY_MONOLITH.respond((request) -> StubResponse.problem(404, "No product with sku NEW-1"));
		INVENTORY_SERVICE.respond((request) -> StubResponse.json(200, LEGACY));
		setRoute(0, "SHADOW");
		double mismatches = comparisons("mismatch");

		assertThat(this.api.get("/api/products/NEW-1").status()).isEqualTo(404);

		await().atMost(Duration.ofSeconds(10)).until(() -> comparisons("mismatch") == mismatches + 1);
		assertThat(mismatchLines()).singleElement().asString().contains("status legacy=404 new=200");
	}

	@Test
	void atAHundredPercentTheNewSideAnswersAndTheLegacySideIsMirrored() throws InterruptedException {
		LEGACY_MONOLITH.respond((request) -> StubResponse.json(200, LEGACY));
		INVENTORY_SERVICE.respond((request) -> StubResponse.json(200, LEGACY.replace("10", "11")));
		setRoute(100, "SHADOW");
		double mismatches = comparisons("mismatch");

		ApiReply reply = this.api.get("/api/products/BOOK-1");

		assertThat(reply.header("X-Served-By")).isEqualTo("inventory-service");
		assertThat(reply.json().path("available").asInt()).isEqualTo(11);
		assertThat(LEGACY_MONOLITH.takeRequest().path()).isEqualTo("/api/products/BOOK-1");
		await().atMost(Duration.ofSeconds(10)).until(() -> comparisons("mismatch") == mismatches + 1);
		assertThat(mismatchLines()).singleElement()
			.asString()
			.contains("served by inventory-service", "/available legacy=10 new=11");
	}

	@Test
	void aMirrorThatHangsNeitherDelaysTheClientNorIsCountedAsAComparison() {
		CountDownLatch release = new CountDownLatch(1);
		AtomicBoolean mirrorAnswered = new AtomicBoolean();
		LEGACY_MONOLITH.respond((request) -> StubResponse.json(200, LEGACY));
		INVENTORY_SERVICE.respond((request) -> {
			block(release);
			mirrorAnswered.set(true);
			return StubResponse.json(200, LEGACY);
		});
		setRoute(0, "SHADOW");
		double errors = comparisons("error");
		double compared = comparisons("match") + comparisons("mismatch");
		try {
			ApiReply reply = this.api.get("/api/products/BOOK-1");

			// answered while the mirror is still held: the client did not wait for it
			assertThat(mirrorAnswered).isFalse();
			assertThat(reply.status()).isEqualTo(200);
			assertThat(reply.header("X-Served-By")).isEqualTo("legacy-monolith");
			await().atMost(Duration.ofSeconds(10)).until(() -> comparisons("error") == errors + 1);
			assertThat(comparisons("match") + comparisons("mismatch")).isEqualTo(compared);
		}
		finally {
			release.countDown();
		}
	}

	@Test
	void aMirroredSideThatIsDownDoesNotFailTheClient() {
		LEGACY_MONOLITH.respond((request) -> StubResponse.json(200, LEGACY));
		setRoute(0, "SHADOW");
		double errors = comparisons("error");
		INVENTORY_SERVICE.stop();
		try {
			ApiReply reply = this.api.get("/api/products/BOOK-1");

			assertThat(reply.status()).isEqualTo(200);
			assertThat(reply.body()).isEqualTo(LEGACY);
			await().atMost(Duration.ofSeconds(10)).until(() -> comparisons("error") == errors + 1);
		}
		finally {
			INVENTORY_SERVICE.start();
		}
	}

}
