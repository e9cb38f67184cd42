package io.sagaref.inventory.web;

import java.nio.charset.StandardCharsets;
import java.util.List;

import io.sagaref.inventory.Money;
import io.sagaref.inventory.Product;
import io.sagaref.inventory.application.ProductService;
import io.sagaref.testsupport.Problems;
import io.sagaref.web.ReadToken;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

/**
 * The product API's answers to bad requests, without a database: each is a 400 problem
 * naming what is wrong, and none reaches the catalog.
 */
@WebMvcTest({ ProductController.class, StockLedgerController.class })
class ProductControllerTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	MockMvcTester mvc;

	@MockitoBean
	ProductService products;

	@Test
	void registersAValidProductWithItsPriceAsMoney() {
		given(this.products.register("BOOK-1", "Refactoring", Money.of("12.50"), 10))
			.willReturn(Product.register("BOOK-1", "Refactoring", Money.of("12.50"), 10));

		MvcTestResult result = post("/api/products",
				"{\"sku\": \"BOOK-1\", \"name\": \"Refactoring\", \"price\": 12.5, \"stock\": 10}");

		assertThat(result).hasStatus(201).hasHeader("Location", "/api/products/BOOK-1");
		assertThat(body(result))
			.isEqualTo("{\"sku\":\"BOOK-1\",\"name\":\"Refactoring\",\"price\":12.50,\"available\":10,\"reserved\":0}");
		assertThat(readToken(result)).isEqualTo(new ReadToken("inventory-service", "BOOK-1", 1));
	}

	@Test
	void answersAddedStockWithTheReadTokenOfTheProductsNextEvent() {
		Product product = Product.register("BOOK-1", "Refactoring", Money.of("12.50"), 7);
		product.addStock(5);
		given(this.products.addStock("BOOK-1", 5)).willReturn(product);

		MvcTestResult result = post("/api/products/BOOK-1/stock", "{\"quantity\": 5}");

		assertThat(result).hasStatusOk();
		assertThat(readToken(result)).isEqualTo(new ReadToken("inventory-service", "BOOK-1", 2));
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "garbage!", "bm8tY29sb25z", "aW52ZW50b3J5LXNlcnZpY2U6Qk9PSy0xOi0x" })
	void refusesAReadTokenThisSystemDidNotIssueOnEveryRead(String token) {
		assertProblem(this.mvc.get().uri("/api/products/BOOK-1?readToken=" + token).exchange(), 400,
				"'" + token + "' is not a read token");
		assertProblem(this.mvc.get().uri("/api/products?sku=BOOK-1&readToken=" + token).exchange(), 400,
				"'" + token + "' is not a read token");
		verifyNoInteractions(this.products);
	}

	@Test
	void answersAReadWithAReadTokenFromAnySourceAtOnce() {
		given(this.products.product("BOOK-1"))
			.willReturn(Product.register("BOOK-1", "Refactoring", Money.of("12.50"), 7));
		given(this.products.products(List.of("BOOK-1"))).willReturn(List.of());
		String ours = new ReadToken("inventory-service", "BOOK-1", 99).encode();
		String theirs = new ReadToken("order-service", "3f2a1c9e-5b7d-4e21-9a0f-6c1d2e3f4a5b", 4).encode();

		assertThat(this.mvc.get().uri("/api/products/BOOK-1?readToken=" + ours).exchange()).hasStatusOk();
		assertThat(this.mvc.get().uri("/api/products/BOOK-1?readToken=" + theirs).exchange()).hasStatusOk();
		assertThat(this.mvc.get().uri("/api/products?sku=BOOK-1&readToken=" + theirs).exchange()).hasStatusOk();
	}

	@Test
	void rejectsAnInvalidProductNamingEveryWrongField() {
		MvcTestResult result = post("/api/products",
				"{\"sku\": \"not a sku!\", \"name\": \" \", \"price\": 1.234, \"stock\": -1}");

		assertProblem(result, 400, "sku must be 1 to 64 letters, digits, '.', '_' or '-'");
		assertThat(detail(result)).contains("name must not be blank", "price numeric value out of bounds",
				"stock must be greater than or equal to 0");
		verifyNoInteractions(this.products);
	}

	@Test
	void rejectsAFreeProductAFractionOfACentAndAPriceTooLargeToStore() {
		assertProblem(post("/api/products", product("0")), 400, "price must be greater than 0");
		assertProblem(post("/api/products", product("-1.00")), 400, "price must be greater than 0");
		assertProblem(post("/api/products", product("10.005")), 400, "price numeric value out of bounds");
		assertProblem(post("/api/products", product("123456789012345678.00")), 400,
				"price numeric value out of bounds");
		verifyNoInteractions(this.products);
	}

	@Test
	void rejectsMissingFieldsNamingEachOfThem() {
		MvcTestResult result = post("/api/products", "{}");

		assertProblem(result, 400, "name must not be blank");
		assertThat(detail(result)).contains("price must not be null", "sku must not be null", "stock must not be null");
		assertProblem(
				post("/api/products",
						"{\"sku\": \"A\", \"name\": \"%s\", \"price\": 1, \"stock\": 1}".formatted("x".repeat(201))),
				400, "name size must be between 0 and 200");
		verifyNoInteractions(this.products);
	}

	@Test
	void rejectsMalformedJsonAndValuesOfTheWrongType() {
		assertProblem(post("/api/products", "{\"sku\": "), 400, "not valid JSON");
		assertProblem(post("/api/products", "{\"sku\": \"A\", \"name\": \"n\", \"price\": 1, \"stock\": \"many\"}"),
				400, "not valid JSON");
		assertProblem(post("/api/products", "[]"), 400, "not valid JSON");
		verifyNoInteractions(this.products);
	}

	@Test
	void rejectsABodyThatIsNotJson() {
		MvcTestResult result = this.mvc.post()
			.uri("/api/products")
			.contentType(MediaType.TEXT_PLAIN)
			.content("sku=A")
			.exchange();

		assertProblem(result, 415, "text/plain");
		verifyNoInteractions(this.products);
	}

	@Test
	void requiresTheSkusToListAndAtMostAHundredOfThem() {
		assertProblem(this.mvc.get().uri("/api/products").exchange(), 400, "sku");
		String tooMany = "sku=A" + "&sku=A".repeat(100);
		assertProblem(this.mvc.get().uri("/api/products?" + tooMany).exchange(), 400, "size must be between 0 and 100");
		verifyNoInteractions(this.products);
	}

	@Test
	void listsUpToAHundredSkus() {
		given(this.products.products(any())).willReturn(List.of());

		assertThat(this.mvc.get().uri("/api/products?" + "sku=A" + "&sku=A".repeat(99)).exchange()).hasStatusOk();
	}

	@Test
	void rejectsAddingLessThanOneUnitOrNoQuantity() {
		assertProblem(post("/api/products/BOOK-1/stock", "{\"quantity\": 0}"), 400,
				"quantity must be greater than or equal to 1");
		assertProblem(post("/api/products/BOOK-1/stock", "{}"), 400, "quantity must not be null");
		assertProblem(post("/api/products/BOOK-1/stock", "{\"quantity\": \"five\"}"), 400, "not valid JSON");
		assertProblem(post("/api/products/BOOK-1/stock", "{\"quantity\": "), 400, "not valid JSON");
		verifyNoInteractions(this.products);
	}

	@Test
	void addsAValidQuantity() {
		Product product = Product.register("BOOK-1", "Refactoring", Money.of("12.50"), 7);
		given(this.products.addStock("BOOK-1", 5)).willReturn(product);

		assertThat(post("/api/products/BOOK-1/stock", "{\"quantity\": 5}")).hasStatusOk();
		verify(this.products).addStock("BOOK-1", 5);
	}

	@Test
	void answersAConflictWhenTwoRegistrationsOfOneSkuRace() {
		given(this.products.register(anyString(), anyString(), any(), anyInt()))
			.willThrow(new DataIntegrityViolationException("duplicate key value violates product_pkey"));

		MvcTestResult result = post("/api/products", product("1.00"));

		assertProblem(result, 409, "registered concurrently");
		assertThat(detail(result)).doesNotContain("product_pkey");
	}

	private MvcTestResult post(String path, String json) {
		return this.mvc.post().uri(path).contentType(MediaType.APPLICATION_JSON).content(json).exchange();
	}

	private static ReadToken readToken(MvcTestResult result) {
		String header = result.getResponse().getHeader(ReadToken.HEADER);
		assertThat(header).as("Read-Token header").isNotNull();
		return ReadToken.parse(header);
	}

	private static String product(String price) {
		return "{\"sku\": \"BOOK-1\", \"name\": \"Refactoring\", \"price\": " + price + ", \"stock\": 1}";
	}

	private static String body(MvcTestResult result) {
		return new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
	}

	private static String detail(MvcTestResult result) {
		return JSON.readTree(body(result)).path("detail").asString();
	}

	private static void assertProblem(MvcTestResult result, int status, String detailContains) {
		Problems.assertProblem(result.getResponse().getStatus(), String.valueOf(result.getResponse().getContentType()),
				body(result), status, detailContains);
	}

}
