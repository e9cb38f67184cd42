package io.sagaref.orderquery.messaging;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.sagaref.orderquery.SagaEvent;
import io.sagaref.orderquery.Shortage;

/** The fields of inventory-service's StockRejected that the view reads. */
@JsonIgnoreProperties(ignoreUnknown = true)
record StockRejected(UUID orderId, String reason, List<ShortLine> shortages) implements ConsumedPayload {

	StockRejected {
		if (shortages == null) {
			throw new IllegalArgumentException("shortages is missing");
		}
	}

	@Override
	public SagaEvent toEvent() {
		return new SagaEvent.StockRejected(this.reason,
				this.shortages.stream()
					.map((line) -> new Shortage(line.sku(), line.requested(), line.available()))
					.toList());
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record ShortLine(String sku, int requested, int available) {
	}

}
