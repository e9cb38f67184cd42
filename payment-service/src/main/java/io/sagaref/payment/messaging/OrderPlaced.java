package io.sagaref.payment.messaging;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.sagaref.payment.CustomerId;
import io.sagaref.payment.Money;
import io.sagaref.payment.OrderId;
import io.sagaref.payment.OrderLine;
import io.sagaref.payment.application.ChargeOrder;

/**
 * The fields of order-service's OrderPlaced that payment reads.
 *
 * @param orderId the order
 * @param customerId who pays
 * @param lines what was ordered
 * @param total the sum to charge
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record OrderPlaced(UUID orderId, UUID customerId, List<Line> lines, BigDecimal total) {

	OrderPlaced {
		Objects.requireNonNull(orderId, "orderId");
		Objects.requireNonNull(customerId, "customerId");
		Objects.requireNonNull(total, "total");
		lines = List.copyOf(Objects.requireNonNull(lines, "lines"));
	}

	/**
	 * @return the charge this order asks for
	 * @throws IllegalArgumentException if the total has fractions of a cent
	 */
	ChargeOrder toCharge() {
		return new ChargeOrder(new OrderId(this.orderId), new CustomerId(this.customerId), Money.of(this.total),
				this.lines.stream().map((line) -> new OrderLine(line.sku(), line.quantity())).toList());
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Line(String sku, int quantity) {

		Line {
			Objects.requireNonNull(sku, "sku");
		}

	}

}
