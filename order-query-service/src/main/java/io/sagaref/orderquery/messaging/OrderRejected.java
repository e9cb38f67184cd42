package io.sagaref.orderquery.messaging;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.sagaref.orderquery.SagaEvent;

/** The fields of order-service's OrderRejected that the view reads. */
@JsonIgnoreProperties(ignoreUnknown = true)
record OrderRejected(UUID orderId, UUID customerId, String reason) implements ConsumedPayload {

	@Override
	public SagaEvent toEvent() {
		return new SagaEvent.OrderRejected(this.customerId, this.reason);
	}

}
