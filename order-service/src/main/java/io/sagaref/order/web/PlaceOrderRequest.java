package io.sagaref.order.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.sagaref.order.CustomerId;
import io.sagaref.order.Order;
import io.sagaref.order.application.PlaceOrder;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * The body of {@code POST /api/orders}; prices are not part of it, they come from the
 * catalog.
 *
 * @param customerId who pays
 * @param lines 1 to 100 lines
 * @param callbackUrl where to deliver the outcome, optional
 */
record PlaceOrderRequest(@NotNull UUID customerId,
		@NotNull @Size(min = 1, max = Order.MAX_LINES) List<@Valid @NotNull Line> lines,
		@HttpUrl @Nullable String callbackUrl) {

	PlaceOrder toCommand(@Nullable String idempotencyKey) {
		return new PlaceOrder(new CustomerId(this.customerId),
				this.lines.stream().map((line) -> new PlaceOrder.Line(line.sku(), line.quantity())).toList(),
				(this.callbackUrl != null) ? URI.create(this.callbackUrl) : null, idempotencyKey);
	}

	/**
	 * One requested line.
	 *
	 * @param sku the product
	 * @param quantity 1 to 1000
	 */
	record Line(@NotBlank @Size(max = 100) String sku, @NotNull @Min(1) @Max(1000) Integer quantity) {
	}

}
