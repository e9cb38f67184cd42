package io.sagaref.order.web;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.NoSuchElementException;

import io.sagaref.order.CustomerId;
import io.sagaref.order.Money;
import io.sagaref.order.Order;
import io.sagaref.order.OrderId;
import io.sagaref.order.OrderLine;
import io.sagaref.order.StateRebuilt;
import io.sagaref.order.application.CallbackUrls;
import io.sagaref.order.application.OrderService;
import io.sagaref.order.application.StatusWatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static io.sagaref.order.web.OrderControllerTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

/**
 * The internal read endpoints' validation, without a database: a malformed id or query
 * parameter answers 400 problem+json naming it, and reaches no use case.
 */
@WebMvcTest({ OrderController.class, InternalOrderController.class, InternalAdminController.class })
class InternalOrderControllerTest {

	@Autowired
	private MockMvcTester mvc;

	@MockitoBean
	private OrderService orders;

	@MockitoBean
	private CallbackUrls callbackUrls;

	/**
	 * Mocked here too: every slice test of this service declares the same beans, so they
	 * share one context.
	 */
	@MockitoBean
	private StatusWatch statusWatch;

	private boolean expectUseCases;

	@AfterEach
	void invalidInputReachesNoUseCase() {
		if (!this.expectUseCases) {
			verifyNoInteractions(this.orders);
		}
	}

	@Test
	void answers400ForAMalformedOrderId() {
		assertProblem(this.mvc.get().uri("/internal/orders/not-a-uuid").exchange(), 400, "not-a-uuid");
	}

	@ParameterizedTest
	@CsvSource({ "olderThan=soon, olderThan", "olderThan=-PT1S, olderThan", "limit=0, limit", "limit=1001, limit",
			"limit=many, limit" })
	void answers400NamingABadQueryParameter(String query, String named) {
		assertProblem(this.mvc.get().uri("/internal/orders/stuck?" + query).exchange(), 400, named);
	}

	@Test
	void showsAnOrderAsStoredWithAmountsInTwoDecimals() {
		this.expectUseCases = true;
		Order order = Order.place(OrderId.random(), CustomerId.random(),
				List.of(new OrderLine("A", 3, Money.of("4.2"))), null, null, Instant.parse("2026-12-01T12:00:00Z"));
		given(this.orders.order(order.id())).willReturn(order);

		MvcTestResult result = this.mvc.get().uri("/internal/orders/" + order.id().value()).exchange();

		assertThat(result).hasStatus(200);
		assertThat(new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8)).contains(
				"\"total\":12.60", "\"unitPrice\":4.20", "\"orderId\":\"" + order.id().value() + "\"",
				"\"customerId\":\"" + order.customerId().value() + "\"");
	}

	@Test
	void answers400ForAMalformedInstant() {
		assertProblem(this.mvc.get().uri("/internal/orders/" + OrderId.random().value() + "?asOf=yesterday").exchange(),
				400, "asOf");
	}

	@Test
	void showsAnOrderAsItStoodAtAnInstant() {
		this.expectUseCases = true;
		Order order = Order.place(OrderId.random(), CustomerId.random(),
				List.of(new OrderLine("A", 3, Money.of("4.2"))), null, null, Instant.parse("2026-12-01T12:00:00Z"));
		Instant asOf = Instant.parse("2026-12-01T12:00:01Z");
		given(this.orders.orderAsOf(order.id(), asOf)).willReturn(order);

		MvcTestResult result = this.mvc.get()
			.uri("/internal/orders/" + order.id().value() + "?asOf=2026-12-01T12:00:01Z")
			.exchange();

		assertThat(result).hasStatus(200).bodyJson().extractingPath("$.status").isEqualTo("PENDING");
		verify(this.orders).orderAsOf(order.id(), asOf);
	}

	@Test
	void answers404ForAnOrderNotPlacedYetAtTheInstant() {
		this.expectUseCases = true;
		OrderId id = OrderId.random();
		given(this.orders.orderAsOf(id, Instant.parse("2020-01-01T00:00:00Z")))
			.willThrow(new NoSuchElementException("No order " + id + " as of 2020-01-01T00:00:00Z"));

		assertProblem(this.mvc.get().uri("/internal/orders/" + id.value() + "?asOf=2020-01-01T00:00:00Z").exchange(),
				404, "as of");
	}

	@Test
	void rebuildsTheCurrentStateAndSaysHowMuchItFolded() {
		this.expectUseCases = true;
		given(this.orders.rebuildState()).willReturn(new StateRebuilt(3, 7));

		MvcTestResult result = this.mvc.post().uri("/internal/admin/rebuild-state").exchange();

		assertThat(result).hasStatus(200);
		assertThat(result).bodyJson().extractingPath("$.streams").isEqualTo(3);
		assertThat(result).bodyJson().extractingPath("$.events").isEqualTo(7);
		assertThat(result).bodyJson().extractingPath("$.tookMillis").isNotNull();
	}

	@Test
	void listsStuckOrdersWithTheDefaults() {
		this.expectUseCases = true;
		given(this.orders.stuck(Duration.ofSeconds(10), 100)).willReturn(List.of());

		assertThat(this.mvc.get().uri("/internal/orders/stuck").exchange()).hasStatus(200).bodyJson().isEqualTo("[]");
		verify(this.orders).stuck(Duration.ofSeconds(10), 100);
	}

}
