package io.sagaref.order.web;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.sagaref.order.OrderId;
import io.sagaref.order.application.OrderService;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Internal reads, not routed by the gateway: an order exactly as stored, and the sagas
 * that are taking long (visibility before the deadline ends them).
 */
@RestController
@RequestMapping("/internal/orders")
class InternalOrderController {

	private final OrderService orders;

	InternalOrderController(OrderService orders) {
		this.orders = orders;
	}

	@GetMapping("/{id}")
	OrderDetails order(@PathVariable UUID id) {
		return OrderDetails.of(this.orders.order(new OrderId(id)));
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
