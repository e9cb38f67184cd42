package io.sagaref.inventory.messaging;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The fields of payment-service's PaymentCompleted that inventory reads.
 *
 * @param orderId the paid order
 * @param lines what the order asks for
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record PaymentCompleted(UUID orderId, List<Line> lines) {

	PaymentCompleted {
		Objects.requireNonNull(orderId, "orderId");
		Objects.requireNonNull(lines, "lines");
		lines.forEach((line) -> Objects.requireNonNull(line, "line"));
	}

	/** A line of the order. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record Line(String sku, int quantity) {

		Line {
			Objects.requireNonNull(sku, "sku");
		}

	}

}
