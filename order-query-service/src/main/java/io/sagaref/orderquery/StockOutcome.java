package io.sagaref.orderquery;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import org.jspecify.annotations.Nullable;

/**
 * The reservation's state as inventory-service last reported it; the shortages of a
 * rejection are kept on the view.
 *
 * @param status reserved, rejected or released
 * @param reason why it was rejected or released, null when reserved
 */
@Embeddable
public record StockOutcome(@Column(name = "stock_status") @Enumerated(EnumType.STRING) StockStatus status,
		@Column(name = "stock_reason") @Nullable String reason) {

	public StockOutcome {
		Require.present(status, "stock status");
	}

}
