package io.sagaref.orderquery.messaging;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.sagaref.orderquery.Line;
import io.sagaref.orderquery.SagaEvent;

/** The fields of order-service's OrderPlaced that the view reads. */
@JsonIgnoreProperties(ignoreUnknown = true)
record OrderPlaced(UUID orderId, UUID customerId, List<PlacedLine> lines, BigDecimal total) implements ConsumedPayload {

	OrderPlaced {
		if (lines == null) {
			throw new IllegalArgumentException("lines is missing");
		}
	}

	@Override
	public SagaEvent toEvent() {
		return new SagaEvent.OrderPlaced(this.customerId,
				this.lines.stream().map((line) -> new Line(line.sku(), line.quantity(), line.unitPrice())).toList(),
				this.total);
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record PlacedLine(String sku, int quantity, BigDecimal unitPrice) {
	}

}
