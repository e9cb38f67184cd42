package io.sagaref.orderquery;

import org.jspecify.annotations.Nullable;

/**
 * The reservation's state as inventory-service last reported it; the shortages of a
 * rejection are kept on the view.
 *
 * @param status reserved, rejected or released
 * @param reason why it was rejected or released, null when reserved
 */
public record StockOutcome(StockStatus status, @Nullable String reason) {

	public StockOutcome {
		Require.present(status, "stock status");
	}

}
