package io.sagaref.orderquery.messaging;

import java.math.BigDecimal;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.sagaref.orderquery.SagaEvent;

/** The fields of payment-service's PaymentDeclined that the view reads. */
@JsonIgnoreProperties(ignoreUnknown = true)
record PaymentDeclined(UUID orderId, UUID customerId, BigDecimal amount, String reason) implements ConsumedPayload {

	@Override
	public SagaEvent toEvent() {
		return new SagaEvent.PaymentDeclined(this.customerId, this.amount, this.reason);
	}

}
