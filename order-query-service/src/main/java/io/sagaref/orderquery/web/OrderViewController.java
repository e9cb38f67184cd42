package io.sagaref.orderquery.web;

import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import io.sagaref.orderquery.CustomerId;
import io.sagaref.orderquery.OrderId;
import io.sagaref.orderquery.OrderStatus;
import io.sagaref.orderquery.OrderView;
import io.sagaref.orderquery.OrderViews.OrderDetails;
import io.sagaref.orderquery.Source;
import io.sagaref.orderquery.application.OrderQueries;
import io.sagaref.web.ReadToken;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves the read model: one order with its timeline (now, or as it stood at an instant),
 * or a page of orders. Ids arrive as UUIDs and instants as ISO-8601, so a malformed one
 * is answered by the web layer before any query runs, and become the domain's typed ids
 * here. Every answer says how current the read model is ({@value #AS_OF_HEADER}: when the
 * newest event it had stored when the query started happened), and a {@code readToken}
 * makes the query wait for the write it names.
 */
@RestController
@RequestMapping("/api/orders")
class OrderViewController {

	static final String AS_OF_HEADER = "Read-Model-As-Of";

	private final OrderQueries queries;

	OrderViewController(OrderQueries queries) {
		this.queries = queries;
	}

	@GetMapping("/{id}")
	OrderViewResponse order(@PathVariable UUID id, @RequestParam(required = false) @Nullable Instant asOf,
			@RequestParam(name = ReadToken.PARAMETER, required = false) @Nullable String readToken,
			HttpServletResponse response) {
		OrderId orderId = new OrderId(id);
		ReadToken token = token(readToken);
		Optional<Instant> current = this.queries.readModelAsOf();
		asOf(response, current, Stream.empty());
		OrderDetails details = (asOf != null) ? this.queries.at(orderId, asOf, token)
				: this.queries.get(orderId, token);
		asOf(response, current, (asOf != null) ? Stream.empty() : Stream.of(details.view().updatedAt()));
		return OrderViewResponse.of(details.view(), details.timeline());
	}

	@GetMapping
	PageResponse<OrderViewResponse> orders(@RequestParam(required = false) @Nullable UUID customerId,
			@RequestParam(required = false) @Nullable String status,
			@RequestParam(defaultValue = "0") @Min(value = 0, message = "page must be 0 or more") int page,
			@RequestParam(defaultValue = "20") @Min(value = 1, message = "size must be between 1 and 100") @Max(
					value = 100, message = "size must be between 1 and 100") int size,
			@RequestParam(name = ReadToken.PARAMETER, required = false) @Nullable String readToken,
			HttpServletResponse response) {
		OrderStatus only = parse(status);
		ReadToken token = token(readToken);
		Optional<Instant> current = this.queries.readModelAsOf();
		asOf(response, current, Stream.empty());
		var views = this.queries.find((customerId != null) ? new CustomerId(customerId) : null, only, page, size,
				token);
		asOf(response, current, views.content().stream().map(OrderView::updatedAt));
		return PageResponse.of(views,
				views.content().stream().map((view) -> OrderViewResponse.of(view, null)).toList());
	}

	/**
	 * Says how current the answer is without claiming more than it holds: the newest
	 * event applied when the query began, or the newest event in the views it answers
	 * with, if later (a query that waited for a read token began before its write was
	 * applied).
	 */
	private static void asOf(HttpServletResponse response, Optional<Instant> current,
			Stream<@Nullable Instant> answered) {
		Stream.concat(current.stream(), answered.filter(Objects::nonNull))
			.max(Instant::compareTo)
			.ifPresent((asOf) -> response.setHeader(AS_OF_HEADER, asOf.toString()));
	}

	private static @Nullable ReadToken token(@Nullable String readToken) {
		if (readToken == null) {
			return null;
		}
		ReadToken token = ReadToken.parse(readToken);
		if (token.source().equals(Source.ORDER_SERVICE.serviceName())) {
			try {
				OrderId.of(token.id());
			}
			catch (IllegalArgumentException ex) {
				throw new ErrorResponseException(HttpStatus.BAD_REQUEST, ProblemDetail.forStatusAndDetail(
						HttpStatus.BAD_REQUEST, "'" + readToken + "' is not a read token of an order"), ex);
			}
		}
		return token;
	}

	private static @Nullable OrderStatus parse(@Nullable String status) {
		if (status == null || status.isBlank()) {
			return null;
		}
		try {
			return OrderStatus.valueOf(status.trim().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new ErrorResponseException(HttpStatus.BAD_REQUEST, ProblemDetail.forStatusAndDetail(
					HttpStatus.BAD_REQUEST,
					"'" + status + "' is not a valid status; use one of " + Arrays.toString(OrderStatus.values())), ex);
		}
	}

}
