package io.sagaref.order.web;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.UUID;
import java.util.stream.IntStream;

import io.sagaref.order.CustomerId;
import io.sagaref.order.HistoryEntry;
import io.sagaref.order.Money;
import io.sagaref.order.Order;
import io.sagaref.order.OrderId;
import io.sagaref.order.OrderLine;
import io.sagaref.order.OrderStatus;
import io.sagaref.order.application.CallbackUrls;
import io.sagaref.order.application.OrderService;
import io.sagaref.order.application.PlaceOrder;
import io.sagaref.order.application.SagaBacklogFullException;
import io.sagaref.order.application.StatusWatch;
import io.sagaref.testsupport.Problems;
import io.sagaref.web.ReadToken;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

/**
 * The public order API's validation, without a database or broker: every malformed or
 * invalid request answers 400 problem+json naming what is wrong, and reaches no use case.
 */
@WebMvcTest({ OrderController.class, InternalOrderController.class, InternalAdminController.class })
class OrderControllerTest {

	private static final UUID CUSTOMER = UUID.fromString("1b4e28ba-2fa1-11d2-883f-0016d3cca427");

	@Autowired
	private MockMvcTester mvc;

	@MockitoBean
	private CallbackUrls callbackUrls;

	@MockitoBean
	private OrderService orders;

	@MockitoBean
	private StatusWatch statusWatch;

	private boolean expectUseCases;

	@AfterEach
	void invalidInputReachesNoUseCase() {
		if (!this.expectUseCases) {
			verifyNoInteractions(this.orders, this.statusWatch);
		}
	}

	@Test
	void answers400ForMalformedJson() {
		assertProblem(place("{\"customerId\": "), 400, "not valid JSON");
	}

	@Test
	void answers400ForACustomerIdThatIsNotAUuid() {
		assertProblem(place("{\"customerId\":\"ada\",\"lines\":[{\"sku\":\"A\",\"quantity\":1}]}"), 400, "UUID");
	}

	@Test
	void answers400NamingAMissingCustomerId() {
		assertProblem(place("{\"lines\":[{\"sku\":\"A\",\"quantity\":1}]}"), 400, "customerId");
	}

	@Test
	void answers400ForAnOrderWithoutLines() {
		assertProblem(place("{\"customerId\":\"" + CUSTOMER + "\",\"lines\":[]}"), 400, "lines");
		assertProblem(place("{\"customerId\":\"" + CUSTOMER + "\"}"), 400, "lines");
	}

	@Test
	void answers400ForMoreThanAHundredLines() {
		String lines = String.join(",",
				IntStream.rangeClosed(1, 101).mapToObj((i) -> "{\"sku\":\"SKU-" + i + "\",\"quantity\":1}").toList());

		assertProblem(place("{\"customerId\":\"" + CUSTOMER + "\",\"lines\":[" + lines + "]}"), 400, "lines");
	}

	@ParameterizedTest
	@ValueSource(strings = { "0", "1001", "null" })
	void answers400NamingAQuantityOutOfRange(String quantity) {
		assertProblem(place(order("\"A\"", quantity)), 400, "lines[0].quantity");
	}

	@ParameterizedTest
	@ValueSource(strings = { "\"\"", "\" \"", "null" })
	void answers400NamingABlankSku(String sku) {
		assertProblem(place(order(sku, "1")), 400, "lines[0].sku");
	}

	@Test
	void answers400NamingASkuLongerThan100Characters() {
		assertProblem(place(order("\"" + "S".repeat(101) + "\"", "1")), 400, "lines[0].sku");
	}

	@Test
	void answers400NamingAMissingLine() {
		assertProblem(place("{\"customerId\":\"" + CUSTOMER + "\",\"lines\":[null]}"), 400, "lines[0]");
	}

	@ParameterizedTest
	@ValueSource(strings = { "ftp://client.example/cb", "not a url", "/relative", "https:///no-host" })
	void answers400ForACallbackUrlThatIsNotHttp(String url) {
		assertProblem(
				place("{\"customerId\":\"" + CUSTOMER
						+ "\",\"lines\":[{\"sku\":\"A\",\"quantity\":1}],\"callbackUrl\":\"" + url + "\"}"),
				400, "callbackUrl");
	}

	@Test
	void answers400ForAnIdempotencyKeyThatIsEmptyOrLongerThan100Characters() {
		assertProblem(place(order("\"A\"", "1"), ""), 400, "Idempotency-Key");
		assertProblem(place(order("\"A\"", "1"), "k".repeat(101)), 400, "Idempotency-Key");
	}

	@Test
	void answers400ForAMalformedOrderId() {
		assertProblem(this.mvc.get().uri("/api/orders/not-a-uuid/status").exchange(), 400, "not-a-uuid");
		assertProblem(this.mvc.post().uri("/api/orders/not-a-uuid/cancel").exchange(), 400, "not-a-uuid");
	}

	@ParameterizedTest
	@ValueSource(strings = { "31", "-1", "soon" })
	void answers400ForAWaitOutOfRange(String waitSeconds) {
		assertProblem(this.mvc.get()
			.uri("/api/orders/" + UUID.randomUUID() + "/status?waitSeconds=" + waitSeconds)
			.exchange(), 400, "waitSeconds");
	}

	@Test
	void acceptsAValidOrderWith202AndTheStatusResource() {
		this.expectUseCases = true;
		Order order = pendingOrder();
		given(this.orders.place(any(PlaceOrder.class))).willReturn(order);

		MvcTestResult result = place(order("\"A\"", "2"), "key-1");

		assertThat(result).hasStatus(202).hasHeader("Location", "/api/orders/" + order.id().value() + "/status");
		assertThat(ReadToken.parse(result.getResponse().getHeader(ReadToken.HEADER)))
			.isEqualTo(new ReadToken("order-service", order.id().toString(), 1));
		assertThat(result).bodyJson()
			.isLenientlyEqualTo("{\"orderId\":\"" + order.id().value() + "\",\"status\":\"PENDING\"}");
		verify(this.orders)
			.place(new PlaceOrder(new CustomerId(CUSTOMER), List.of(new PlaceOrder.Line("A", 2)), null, "key-1"));
	}

	@Test
	void refusesWith503AndRetryAfterWhenTheBacklogIsFull() {
		this.expectUseCases = true;
		given(this.orders.place(any(PlaceOrder.class)))
			.willThrow(new SagaBacklogFullException("5 orders are still being processed", Duration.ofSeconds(2)));

		MvcTestResult result = place(order("\"A\"", "1"));

		assertProblem(result, 503, "5 orders are still being processed");
		assertThat(result).hasHeader("Retry-After", "2");
	}

	@Test
	void waitsAsPreferWaitAsksAndSaysThePreferenceWasApplied() {
		this.expectUseCases = true;
		OrderId id = OrderId.random();
		given(this.statusWatch.awaitEnd(id, Duration.ofSeconds(7))).willReturn(OrderStatus.PENDING);

		MvcTestResult result = this.mvc.get()
			.uri("/api/orders/" + id.value() + "/status")
			.header("Prefer", "respond-async, wait=7")
			.exchange();

		assertThat(result).hasStatus(200).hasHeader("Preference-Applied", "wait=7");
		assertThat(result).bodyJson().extractingPath("$.status").isEqualTo("PENDING");
		verify(this.statusWatch).awaitEnd(id, Duration.ofSeconds(7));
	}

	@Test
	void letsWaitSecondsWinOverPreferWait() {
		this.expectUseCases = true;
		OrderId id = OrderId.random();
		given(this.statusWatch.awaitEnd(id, Duration.ofSeconds(3))).willReturn(OrderStatus.CONFIRMED);

		MvcTestResult result = this.mvc.get()
			.uri("/api/orders/" + id.value() + "/status?waitSeconds=3")
			.header("Prefer", "wait=20")
			.exchange();

		assertThat(result).hasStatus(303).doesNotContainHeader("Preference-Applied");
		verify(this.statusWatch).awaitEnd(id, Duration.ofSeconds(3));
	}

	@Test
	void capsAPreferredWaitAtThirtySecondsAndSaysSo() {
		this.expectUseCases = true;
		OrderId id = OrderId.random();
		given(this.statusWatch.awaitEnd(id, Duration.ofSeconds(30))).willReturn(OrderStatus.CONFIRMED);

		MvcTestResult result = this.mvc.get()
			.uri("/api/orders/" + id.value() + "/status")
			.header("Prefer", "wait=600")
			.exchange();

		assertThat(result).hasStatus(303).hasHeader("Preference-Applied", "wait=30");
	}

	@Test
	void ignoresAMalformedPreferWaitAndAnswersAtOnce() {
		this.expectUseCases = true;
		OrderId id = OrderId.random();
		given(this.orders.status(id)).willReturn(OrderStatus.PENDING);

		MvcTestResult result = this.mvc.get()
			.uri("/api/orders/" + id.value() + "/status")
			.header("Prefer", "wait=soon")
			.exchange();

		assertThat(result).hasStatus(200).doesNotContainHeader("Preference-Applied");
		verify(this.orders).status(id);
	}

	@Test
	void redirectsToTheOrderOnceItsSagaEnded() {
		this.expectUseCases = true;
		OrderId id = OrderId.random();
		given(this.statusWatch.awaitEnd(id, Duration.ofSeconds(5))).willReturn(OrderStatus.CONFIRMED);

		MvcTestResult result = this.mvc.get().uri("/api/orders/" + id.value() + "/status?waitSeconds=5").exchange();

		assertThat(result).hasStatus(303).hasHeader("Location", "/api/orders/" + id.value());
		assertThat(result).bodyJson().extractingPath("$.status").isEqualTo("CONFIRMED");
	}

	@Test
	void answersACancelWithTheReadTokenOfTheStreamVersionAfterIt() {
		this.expectUseCases = true;
		Order order = pendingOrder();
		order.cancel(Instant.now());
		given(this.orders.cancel(order.id())).willReturn(order);

		MvcTestResult result = this.mvc.post().uri("/api/orders/" + order.id().value() + "/cancel").exchange();

		assertThat(result).hasStatus(202).bodyJson().extractingPath("$.status").isEqualTo("CANCELLED");
		assertThat(ReadToken.parse(result.getResponse().getHeader(ReadToken.HEADER)))
			.isEqualTo(new ReadToken("order-service", order.id().toString(), 2));
	}

	@Test
	void answers400ForAReadTokenThatNoCommandIssued() {
		UUID id = UUID.randomUUID();
		assertProblem(this.mvc.get().uri("/api/orders/" + id + "/status?readToken=garbage").exchange(), 400,
				"not a read token");
		assertProblem(this.mvc.get().uri("/api/orders/" + id + "/events?readToken=garbage").exchange(), 400,
				"not a read token");
	}

	@Test
	void answersAStatusQueryWithAReadTokenAtOnce() {
		this.expectUseCases = true;
		OrderId id = OrderId.random();
		given(this.orders.status(id)).willReturn(OrderStatus.PENDING);
		String token = new ReadToken("order-service", id.toString(), 1).encode();

		MvcTestResult result = this.mvc.get()
			.uri("/api/orders/" + id.value() + "/status?readToken=" + token)
			.exchange();

		assertThat(result).hasStatus(200).bodyJson().extractingPath("$.status").isEqualTo("PENDING");
	}

	@Test
	void answersTheHistoryWithEachEventsDataAsJson() {
		this.expectUseCases = true;
		OrderId id = OrderId.random();
		given(this.orders.history(id)).willReturn(List.of(
				new HistoryEntry(1, "OrderPlaced", 1, Instant.parse("2026-12-01T12:00:00Z"),
						"{\"orderId\":\"" + id + "\",\"total\":12.50}"),
				new HistoryEntry(2, "OrderConfirmed", 1, Instant.parse("2026-12-01T12:00:01.5Z"),
						"{\"orderId\":\"" + id + "\"}")));

		MvcTestResult result = this.mvc.get().uri("/api/orders/" + id.value() + "/events").exchange();

		assertThat(result).hasStatus(200);
		assertThat(new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8))
			.contains("\"total\":12.50");
		assertThat(result).bodyJson().isStrictlyEqualTo("""
				[{"sequence":1,"type":"OrderPlaced","version":1,"occurredAt":"2026-12-01T12:00:00Z",
				  "data":{"orderId":"%1$s","total":12.50}},
				 {"sequence":2,"type":"OrderConfirmed","version":1,"occurredAt":"2026-12-01T12:00:01.500Z",
				  "data":{"orderId":"%1$s"}}]""".formatted(id));
	}

	@Test
	void answers404ForTheHistoryOfAnUnknownOrder() {
		this.expectUseCases = true;
		OrderId id = OrderId.random();
		given(this.orders.history(id)).willThrow(new NoSuchElementException("No order " + id));

		assertProblem(this.mvc.get().uri("/api/orders/" + id.value() + "/events").exchange(), 404, id.toString());
	}

	private MvcTestResult place(String json) {
		return this.mvc.post().uri("/api/orders").contentType(MediaType.APPLICATION_JSON).content(json).exchange();
	}

	private MvcTestResult place(String json, String idempotencyKey) {
		return this.mvc.post()
			.uri("/api/orders")
			.contentType(MediaType.APPLICATION_JSON)
			.header("Idempotency-Key", idempotencyKey)
			.content(json)
			.exchange();
	}

	private static String order(String sku, String quantity) {
		return "{\"customerId\":\"" + CUSTOMER + "\",\"lines\":[{\"sku\":" + sku + ",\"quantity\":" + quantity + "}]}";
	}

	private static Order pendingOrder() {
		return Order.place(OrderId.random(), new CustomerId(CUSTOMER), List.of(new OrderLine("A", 2, Money.of("1.00"))),
				null, null, Instant.now());
	}

	static void assertProblem(MvcTestResult result, int status, String detailContains) {
		var response = result.getResponse();
		Problems.assertProblem(response.getStatus(), String.valueOf(response.getContentType()),
				new String(response.getContentAsByteArray(), StandardCharsets.UTF_8), status, detailContains);
	}

}
