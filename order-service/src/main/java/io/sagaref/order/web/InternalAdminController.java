package io.sagaref.order.web;

import io.sagaref.order.StateRebuilt;
import io.sagaref.order.application.OrderService;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operator commands, not routed by the gateway: rebuilding the current state of every
 * order from the order streams (docs/operations.md).
 */
@RestController
@RequestMapping("/internal/admin")
class InternalAdminController {

	private final OrderService orders;

	InternalAdminController(OrderService orders) {
		this.orders = orders;
	}

	@PostMapping("/rebuild-state")
	RebuildResponse rebuildState() {
		long start = System.nanoTime();
		StateRebuilt rebuilt = this.orders.rebuildState();
		return new RebuildResponse(rebuilt.streams(), rebuilt.events(), (System.nanoTime() - start) / 1_000_000);
	}

	/**
	 * What a rebuild did.
	 *
	 * @param streams order streams folded
	 * @param events events they held
	 * @param tookMillis how long it took, the transaction included
	 */
	record RebuildResponse(int streams, long events, long tookMillis) {
	}

}
