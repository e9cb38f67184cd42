package io.sagaref.orderquery.messaging;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.sagaref.orderquery.SagaEvent;

/** The fields of inventory-service's StockReserved that the view reads. */
@JsonIgnoreProperties(ignoreUnknown = true)
record StockReserved(UUID orderId) implements ConsumedPayload {

	@Override
	public SagaEvent toEvent() {
		return new SagaEvent.StockReserved();
	}

}
