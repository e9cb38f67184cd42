package io.sagaref.orderquery.web;

import java.time.Instant;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.UUID;

import io.sagaref.orderquery.CustomerId;
import io.sagaref.orderquery.Line;
import io.sagaref.orderquery.Money;
import io.sagaref.orderquery.OrderId;
import io.sagaref.orderquery.OrderStatus;
import io.sagaref.orderquery.OrderView;
import io.sagaref.orderquery.OrderViews.OrderDetails;
import io.sagaref.orderquery.OrderViews.ViewPage;
import io.sagaref.orderquery.RecordedEvent;
import io.sagaref.orderquery.SagaEvent.OrderPlaced;
import io.sagaref.orderquery.SagaEvent.PaymentCompleted;
import io.sagaref.orderquery.application.OrderQueries;
import io.sagaref.testsupport.Problems;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

/**
 * What the HTTP layer decides on its own: malformed ids and bad paging or filter
 * parameters are answered as problems before any query runs, valid ones reach the query
 * as the domain's types, and a view goes out with its amounts as two-decimal numbers.
 */
@WebMvcTest(OrderViewController.class)
class OrderViewControllerTest {

	@Autowired
	private MockMvcTester mvc;

	@MockitoBean
	private OrderQueries queries;

	@Test
	void rejectsAMalformedOrderIdWithoutAsking() throws Exception {
		MvcTestResult result = this.mvc.get().uri("/api/orders/not-a-uuid").exchange();

		assertProblem(result, 400, "'not-a-uuid' is not a valid id");
		verifyNoInteractions(this.queries);
	}

	@ParameterizedTest(name = "?{0} -> 400 mentioning {1}")
	@CsvSource(delimiter = '|', quoteCharacter = '"', value = {
			"status=SHIPPED|'SHIPPED' is not a valid status; use one of [PENDING, CONFIRMED, REJECTED, CANCELLED]",
			"customerId=abc|'abc' is not a valid customerId", "size=0|size must be between 1 and 100",
			"size=101|size must be between 1 and 100", "page=-1|page must be 0 or more",
			"page=first|'first' is not a valid page", "size=ten|'ten' is not a valid size" })
	void rejectsInvalidListParametersWithoutAsking(String query, String detail) throws Exception {
		MvcTestResult result = this.mvc.get().uri("/api/orders?" + query).exchange();

		assertProblem(result, 400, detail);
		verifyNoInteractions(this.queries);
	}

	@Test
	void asksForTheFilteredPageInTheDomainsTypes() {
		UUID customer = UUID.randomUUID();
		given(this.queries.find(any(), any(), anyInt(), anyInt(), any())).willReturn(new ViewPage(List.of(), 1, 5, 6));

		MvcTestResult result = this.mvc.get()
			.uri("/api/orders?customerId={customer}&status=pending&page=1&size=5", customer)
			.exchange();

		assertThat(result).hasStatusOk()
			.bodyJson()
			.isLenientlyEqualTo("{\"content\":[],\"page\":1,\"size\":5,\"totalElements\":6,\"totalPages\":2}");
		verify(this.queries).find(new CustomerId(customer), OrderStatus.PENDING, 1, 5, null);
	}

	@ParameterizedTest(name = "{0} -> 400 mentioning {1}")
	@CsvSource(delimiter = '|', quoteCharacter = '"',
			value = { "?asOf=yesterday|'yesterday' is not a valid asOf", "?readToken=garbage!|is not a read token",
					"?readToken=b3JkZXItc2VydmljZTpub3QtYW4tb3JkZXI6MQ|is not a read token of an order" })
	void rejectsAMalformedInstantOrReadTokenWithoutAsking(String query, String detail) throws Exception {
		MvcTestResult result = this.mvc.get().uri("/api/orders/" + OrderId.random() + query).exchange();

		assertProblem(result, 400, detail);
		verifyNoInteractions(this.queries);
	}

	@Test
	void asksForTheOrderAsItStoodAtTheInstant() {
		OrderId order = OrderId.random();
		Instant at = Instant.parse("2026-11-27T10:15:30.123Z");
		given(this.queries.at(order, at, null)).willThrow(new NoSuchElementException("No order " + order + " as of"));

		assertThat(this.mvc.get().uri("/api/orders/{id}?asOf={at}", order, at.toString()).exchange()).hasStatus(404);
		verify(this.queries).at(order, at, null);
	}

	@Test
	void asksForEveryOrderWhenNotFiltered() {
		given(this.queries.find(any(), any(), anyInt(), anyInt(), any())).willReturn(new ViewPage(List.of(), 0, 20, 0));

		assertThat(this.mvc.get().uri("/api/orders?status=").exchange()).hasStatusOk();
		verify(this.queries).find(null, null, 0, 20, null);
	}

	@Test
	void answersNotFoundForAnOrderTheReadModelDoesNotHave() throws Exception {
		OrderId unknown = OrderId.random();
		given(this.queries.get(unknown, null)).willThrow(new NoSuchElementException("No order " + unknown));

		MvcTestResult result = this.mvc.get().uri("/api/orders/{id}", unknown).exchange();

		assertProblem(result, 404, "No order " + unknown);
	}

	@Test
	void showsIdsAsUuidsAndAmountsAsNumbersWithTwoDecimals() throws Exception {
		OrderId order = OrderId.random();
		CustomerId customer = CustomerId.random();
		OrderView view = new OrderView(order);
		Instant at = Instant.parse("2026-11-27T10:15:30Z");
		view.apply(new RecordedEvent(UUID.randomUUID(), 1, at,
				new OrderPlaced(order, customer, List.of(new Line("BOOK-1", 2, Money.of("12.5"))), Money.of("25"))));
		view.apply(
				new RecordedEvent(UUID.randomUUID(), 1, at, new PaymentCompleted(order, customer, Money.of("25.00"))));
		given(this.queries.get(order, null)).willReturn(new OrderDetails(view, List.of()));

		MvcTestResult result = this.mvc.get().uri("/api/orders/{id}", order).exchange();

		assertThat(result).hasStatusOk();
		String body = result.getResponse().getContentAsString();
		assertThat(body).contains("\"orderId\":\"" + order.value() + "\"")
			.contains("\"customerId\":\"" + customer.value() + "\"")
			.contains("\"unitPrice\":12.50")
			.contains("\"total\":25.00")
			.contains("\"amount\":25.00");
	}

	@Test
	void saysTheAnswerIsAtLeastAsCurrentAsTheViewItHoldsWhenTheQueryWaitedForIt() {
		OrderId order = OrderId.random();
		OrderView view = new OrderView(order);
		Instant placed = Instant.parse("2026-11-27T10:15:30Z");
		view.apply(new RecordedEvent(UUID.randomUUID(), 1, placed, new OrderPlaced(order, CustomerId.random(),
				List.of(new Line("BOOK-1", 1, Money.of("1.00"))), Money.of("1.00"))));
		var token = new io.sagaref.web.ReadToken("order-service", order.value().toString(), 1);
		// nothing was applied when the query began: it waited for the write
		given(this.queries.readModelAsOf()).willReturn(java.util.Optional.empty());
		given(this.queries.get(order, token)).willReturn(new OrderDetails(view, List.of()));

		MvcTestResult result = this.mvc.get()
			.uri("/api/orders/{id}?readToken={token}", order, token.encode())
			.exchange();

		assertThat(result).hasStatusOk().hasHeader("Read-Model-As-Of", placed.toString());
	}

	private static void assertProblem(MvcTestResult result, int status, String detail) throws Exception {
		MockHttpServletResponse response = result.getResponse();
		Problems.assertProblem(response.getStatus(), String.valueOf(response.getContentType()),
				response.getContentAsString(), status, detail);
	}

}
