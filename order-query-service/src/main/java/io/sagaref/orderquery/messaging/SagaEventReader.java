package io.sagaref.orderquery.messaging;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;

import io.sagaref.messaging.EventEnvelope;
import io.sagaref.messaging.inbox.PoisonMessageException;
import io.sagaref.orderquery.RecordedEvent;
import io.sagaref.orderquery.SagaEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a record of the topics into the view's {@link RecordedEvent} the way the
 * listener's routes do (same types, version 1, the same source check), for the readers
 * that bypass the listener (a rebuild's replay, the in-memory views' feed). What the
 * listener dead-letters, they skip: it never reached a view.
 */
final class SagaEventReader {

	/** The catalog events the read model has no use for. */
	static final Set<String> IGNORED = Set.of("ProductRegistered", "StockAdded");

	private static final Logger log = LoggerFactory.getLogger(SagaEventReader.class);

	private final JsonMapper json;

	SagaEventReader(JsonMapper json) {
		// amounts are exact decimals, as the listener's router reads them
		this.json = json.rebuild().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
	}

	/**
	 * @param record a record of one of the three topics
	 * @return its event, empty if the view ignores it or the listener would dead-letter
	 * it
	 */
	Optional<RecordedEvent> read(ConsumerRecord<String, String> record) {
		Header typeHeader = record.headers().lastHeader(EventEnvelope.TYPE_HEADER);
		if (typeHeader != null && IGNORED.contains(new String(typeHeader.value(), StandardCharsets.UTF_8))) {
			return Optional.empty();
		}
		try {
			EventEnvelope envelope = this.json.readValue(record.value(), EventEnvelope.class);
			if (IGNORED.contains(envelope.type()) || envelope.version() != 1) {
				return Optional.empty();
			}
			SagaEvent event = this.json.treeToValue(envelope.payload(), SagaEvent.typeNamed(envelope.type()));
			return Optional.of(recorded(envelope, event));
		}
		catch (RuntimeException ex) {
			log.debug("Skipped {}-{}@{}, which the listener dead-letters: {}", record.topic(), record.partition(),
					record.offset(), ex.getMessage());
			return Optional.empty();
		}
	}

	/**
	 * @param envelope an event's envelope
	 * @param event its payload
	 * @return the event as the view applies it
	 * @throws PoisonMessageException if it claims a source that does not emit its type
	 */
	static RecordedEvent recorded(EventEnvelope envelope, SagaEvent event) {
		if (!event.source().serviceName().equals(envelope.source())) {
			throw new PoisonMessageException(envelope.type() + " " + envelope.eventId() + " claims to come from "
					+ envelope.source() + ", but only " + event.source().serviceName() + " emits it");
		}
		return new RecordedEvent(envelope.eventId(), envelope.sequence(), envelope.occurredAt(), event);
	}

}
