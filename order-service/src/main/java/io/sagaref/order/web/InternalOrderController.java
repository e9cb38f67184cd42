package io.sagaref.order.web;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.sagaref.order.OrderId;
import io.sagaref.order.application.OrderService;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Internal reads, not routed by the gateway: an order as its stream says, now or as it
 * stood at an instant, and the sagas that are taking long (visibility before the deadline
 * ends them).
 */
@RestController
@RequestMapping("/internal/orders")
class InternalOrderController {

	private final OrderService orders;

	InternalOrderController(OrderService orders) {
		this.orders = orders;
	}

	/**
	 * The order now, or with {@code asOf} (an ISO-8601 instant) as it stood then: 404 if
	 * it was not placed yet.
	 */
	@GetMapping("/{id}")
	OrderDetails order(@PathVariable UUID id, @RequestParam(required = false) @Nullable Instant asOf) {
		OrderId orderId = new OrderId(id);
		return OrderDetails.of((asOf != null) ? this.orders.orderAsOf(orderId, asOf) : this.orders.order(orderId));
	}

	@GetMapping("/stuck")
	List<OrderDetails> stuck(@RequestParam(defaultValue = "PT10S") Duration olderThan,
			@RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
		if (olderThan.isNegative()) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "olderThan must not be negative");
		}
		return this.orders.stuck(olderThan, limit).stream().map(OrderDetails::of).toList();
	}

}
