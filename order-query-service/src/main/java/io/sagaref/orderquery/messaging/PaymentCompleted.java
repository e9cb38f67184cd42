package io.sagaref.orderquery.messaging;

import java.math.BigDecimal;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.sagaref.orderquery.SagaEvent;

/** The fields of payment-service's PaymentCompleted that the view reads. */
@JsonIgnoreProperties(ignoreUnknown = true)
record PaymentCompleted(UUID orderId, UUID customerId, BigDecimal amount) implements ConsumedPayload {

	@Override
	public SagaEvent toEvent() {
		return new SagaEvent.PaymentCompleted(this.customerId, this.amount);
	}

}
