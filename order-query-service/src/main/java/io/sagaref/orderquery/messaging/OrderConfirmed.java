package io.sagaref.orderquery.messaging;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.sagaref.orderquery.SagaEvent;

/** The fields of order-service's OrderConfirmed that the view reads. */
@JsonIgnoreProperties(ignoreUnknown = true)
record OrderConfirmed(UUID orderId, UUID customerId) implements ConsumedPayload {

	@Override
	public SagaEvent toEvent() {
		return new SagaEvent.OrderConfirmed(this.customerId);
	}

}
