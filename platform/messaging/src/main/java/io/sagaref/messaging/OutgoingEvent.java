package io.sagaref.messaging;

import java.util.Objects;

/**
 * An event a service wants published: where it goes and what it says. The outbox adds the
 * envelope's id, time, source and causation.
 *
 * @param topic the Kafka topic
 * @param key the record key; all events of one saga use the same key to keep their order
 * @param type the event type
 * @param version the payload schema version
 * @param aggregateId the aggregate that emitted it
 * @param sequence the aggregate's event sequence number
 * @param correlationId the saga the event belongs to
 * @param payload the payload, serialized as JSON
 */
public record OutgoingEvent(String topic, String key, String type, int version, String aggregateId, long sequence,
		String correlationId, Object payload) {

	public OutgoingEvent {
		Objects.requireNonNull(topic, "topic");
		Objects.requireNonNull(key, "key");
		Objects.requireNonNull(type, "type");
		Objects.requireNonNull(aggregateId, "aggregateId");
		Objects.requireNonNull(correlationId, "correlationId");
		Objects.requireNonNull(payload, "payload");
	}

	/**
	 * An event keyed, correlated and identified by one saga id, the common case.
	 * @param topic the topic
	 * @param sagaId the order id, used as key, aggregate and correlation id
	 * @param sequence the aggregate's sequence number
	 * @param payload a record whose simple class name is the event type
	 * @return the event, version 1
	 */
	public static OutgoingEvent of(String topic, String sagaId, long sequence, Object payload) {
		return new OutgoingEvent(topic, sagaId, payload.getClass().getSimpleName(), 1, sagaId, sequence, sagaId,
				payload);
	}

}
