package io.sagaref.legacy.web;

import java.time.Duration;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.sagaref.legacy.LegacyMonolithIntegrationTest;
import io.sagaref.testsupport.ApiReply;
import io.sagaref.web.ReadToken;

import static io.sagaref.testsupport.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The catalog reads answer as inventory-service's do: the same shapes, the same errors,
 * and a client's read token of inventory-service is honoured by waiting for the write.
 */
class ProductApiIT extends LegacyMonolithIntegrationTest {

	@Test
	void listsTheKnownProductsAmongTheSkusInSkuOrder() {
		String first = "A-" + newSku();
		String second = "B-" + newSku();
		deliver(productRegistered(second, "2.00", 2));
		deliver(productRegistered(first, "1.00", 1));
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.api.get("/api/products?sku=" + second + "&sku=" + first + "&sku=NOPE")
				.json()
				.size() == 2);

		ApiReply reply = this.api.get("/api/products?sku=" + second + "&sku=" + first + "&sku=NOPE");

		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.json().get(0).path("sku").asString()).isEqualTo(first);
		assertThat(reply.json().get(1).path("sku").asString()).isEqualTo(second);
		assertThat(reply.json().get(1).path("price").decimalValue()).isEqualByComparingTo("2.00");
	}

	@Test
	void answersAnUnknownProductWithANotFoundProblem() {
		assertProblem(this.api.get("/api/products/NOPE-1"), 404, "No product with sku NOPE-1");
	}

	@Test
	void refusesAListOfMoreThanAHundredSkusOrNone() {
		String skus = IntStream.rangeClosed(1, 101).mapToObj((i) -> "sku=S" + i).collect(Collectors.joining("&"));

		assertProblem(this.api.get("/api/products?" + skus), 400, "skus size must be between 0 and 100");
		assertThat(this.api.get("/api/products").status()).isEqualTo(400);
	}

	@Test
	void refusesAReadTokenThisSystemDidNotIssue() {
		ApiReply reply = this.api.get("/api/products/ANY?readToken=garbage");

		assertThat(reply.status()).isEqualTo(400);
		assertThat(reply.detail()).contains("is not a read token");
	}

	@Test
	void aReadTokenOfAWriteNotHereYetWaitsAndThenAnswersNotCurrentUntilTheWriteArrives() {
		String sku = newSku();
		deliver(productRegistered(sku, "9.99", 10));
		await().atMost(Duration.ofSeconds(30)).until(() -> this.api.get("/api/products/" + sku).status() == 200);
		String token = new ReadToken("inventory-service", sku, 2).encode();

		ApiReply waited = this.api.get("/api/products/" + sku + "?readToken=" + token);

		assertThat(waited.status()).isEqualTo(503);
		assertThat(waited.header("Retry-After")).isEqualTo("1");

		deliver(stockAdded(sku, 5, 2));
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.api.get("/api/products/" + sku + "?readToken=" + token).status() == 200);
		assertThat(this.api.get("/api/products/" + sku + "?readToken=" + token).json().path("available").asInt())
			.isEqualTo(15);
	}

	@Test
	void aReadTokenOfAnotherServiceIsIncludedTrivially() {
		String token = new ReadToken("order-service", "3f2a1c9e-5b7d-4e21-9a0f-6c1d2e3f4a5b", 7).encode();

		assertThat(this.api.get("/api/products/NOPE-2?readToken=" + token).status()).isEqualTo(404);
	}

}
