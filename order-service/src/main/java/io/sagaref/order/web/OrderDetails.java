package io.sagaref.order.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.sagaref.order.Order;
import io.sagaref.order.OrderLine;
import io.sagaref.order.OrderStatus;
import io.sagaref.order.RejectionReason;
import org.jspecify.annotations.Nullable;

/**
 * An order as order-service holds it, folded from its stream, for debugging and tests;
 * clients read orders from the read model instead. {@code eventSequence} and
 * {@code version} are both the order's stream version (one name from when the sequence
 * was counted beside a row version, one from the stream).
 */
record OrderDetails(UUID orderId, UUID customerId, OrderStatus status, @Nullable RejectionReason rejectionReason,
		List<Line> lines, BigDecimal total, @Nullable String idempotencyKey, @Nullable String callbackUrl,
		Instant placedAt, Instant updatedAt, long eventSequence, long version) {

	static OrderDetails of(Order order) {
		return new OrderDetails(order.id().value(), order.customerId().value(), order.status(),
				order.rejectionReason().orElse(null), order.lines().stream().map(Line::of).toList(),
				order.total().amount(), order.idempotencyKey().orElse(null),
				order.callbackUrl().map(Object::toString).orElse(null), order.placedAt(), order.updatedAt(),
				order.version(), order.version());
	}

	/**
	 * One priced line.
	 *
	 * @param sku the product
	 * @param quantity how many
	 * @param unitPrice the price of one, fixed at placement
	 */
	record Line(String sku, int quantity, BigDecimal unitPrice) {

		static Line of(OrderLine line) {
			return new Line(line.sku(), line.quantity(), line.unitPrice().amount());
		}

	}

}
