package io.sagaref.orderquery.web;

import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;

import io.sagaref.orderquery.CustomerId;
import io.sagaref.orderquery.OrderId;
import io.sagaref.orderquery.OrderStatus;
import io.sagaref.orderquery.OrderViews.OrderDetails;
import io.sagaref.orderquery.application.OrderQueries;
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
 * Serves the read model: one order with its timeline, or a page of orders. Ids arrive as
 * UUIDs, so a malformed one is answered by the web layer before any query runs, and
 * become the domain's typed ids here.
 */
@RestController
@RequestMapping("/api/orders")
class OrderViewController {

	private final OrderQueries queries;

	OrderViewController(OrderQueries queries) {
		this.queries = queries;
	}

	@GetMapping("/{id}")
	OrderViewResponse order(@PathVariable UUID id) {
		OrderDetails details = this.queries.get(new OrderId(id));
		return OrderViewResponse.of(details.view(), details.timeline());
	}

	@GetMapping
	PageResponse<OrderViewResponse> orders(@RequestParam(required = false) @Nullable UUID customerId,
			@RequestParam(required = false) @Nullable String status,
			@RequestParam(defaultValue = "0") @Min(value = 0, message = "page must be 0 or more") int page,
			@RequestParam(defaultValue = "20") @Min(value = 1, message = "size must be between 1 and 100") @Max(
					value = 100, message = "size must be between 1 and 100") int size) {
		var views = this.queries.find((customerId != null) ? new CustomerId(customerId) : null, parse(status), page,
				size);
		return PageResponse.of(views,
				views.content().stream().map((view) -> OrderViewResponse.of(view, null)).toList());
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
