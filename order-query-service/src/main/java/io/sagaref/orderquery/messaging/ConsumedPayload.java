package io.sagaref.orderquery.messaging;

import java.util.UUID;

import io.sagaref.orderquery.SagaEvent;

/**
 * A payload this consumer reads: it names its order and translates itself into the view's
 * own event type, so the listener stays one generic line per type.
 */
interface ConsumedPayload {

	UUID orderId();

	SagaEvent toEvent();

}
