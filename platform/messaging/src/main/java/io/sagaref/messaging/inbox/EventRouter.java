package io.sagaref.messaging.inbox;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import io.sagaref.messaging.EventEnvelope;
import io.sagaref.messaging.ReceivedEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.transaction.support.TransactionTemplate;

/**
 * Turns a Kafka record into a call of the handler registered for its event type, inside
 * one transaction together with the inbox check. Types a service declares as ignored are
 * acknowledged and skipped; anything else it does not know is poison.
 */
public final class EventRouter {

	private final JsonMapper json;

	private final Inbox inbox;

	private final TransactionTemplate tx;

	private final String consumer;

	private final Map<String, Route<?>> routes;

	private final Set<String> ignored;

	private EventRouter(Builder builder) {
		// amounts are exact decimals: never let a payload's number pass through a double
		this.json = builder.json.rebuild().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
		this.inbox = builder.inbox;
		this.tx = builder.tx;
		this.consumer = builder.consumer;
		this.routes = Map.copyOf(builder.routes);
		this.ignored = Set.copyOf(builder.ignored);
	}

	/**
	 * Handles one record: parse, route, deduplicate, apply.
	 * @param record the record as consumed
	 * @throws PoisonMessageException if the record cannot be understood
	 */
	public void dispatch(ConsumerRecord<?, String> record) {
		EventEnvelope envelope = parse(record.value());
		if (this.ignored.contains(envelope.type())) {
			return;
		}
		Route<?> route = this.routes.get(envelope.type());
		if (route == null) {
			throw new PoisonMessageException("Unknown event type '" + envelope.type() + "' on " + record.topic());
		}
		if (route.version() != envelope.version()) {
			throw new PoisonMessageException("Unsupported version " + envelope.version() + " of " + envelope.type()
					+ " (this consumer reads version " + route.version() + ")");
		}
		apply(envelope, route);
	}

	private <T> void apply(EventEnvelope envelope, Route<T> route) {
		T payload = payload(envelope, route.payloadType());
		this.tx.executeWithoutResult((status) -> {
			if (this.inbox.firstDelivery(envelope.eventId(), this.consumer)) {
				InboundContext.runWith(envelope, () -> route.handler().accept(new ReceivedEvent<>(envelope, payload)));
			}
		});
	}

	private EventEnvelope parse(String value) {
		if (value == null) {
			throw new PoisonMessageException("Empty message");
		}
		try {
			return this.json.readValue(value, EventEnvelope.class);
		}
		catch (JacksonException | IllegalArgumentException | NullPointerException ex) {
			throw new PoisonMessageException("Not an event envelope: " + ex.getMessage(), ex);
		}
	}

	private <T> T payload(EventEnvelope envelope, Class<T> type) {
		try {
			return this.json.treeToValue(envelope.payload(), type);
		}
		catch (JacksonException | IllegalArgumentException | NullPointerException ex) {
			throw new PoisonMessageException(
					"Invalid payload of " + envelope.type() + " " + envelope.eventId() + ": " + ex.getMessage(), ex);
		}
	}

	public static Builder builder(JsonMapper json, Inbox inbox, TransactionTemplate tx, String consumer) {
		return new Builder(json, inbox, tx, consumer);
	}

	private record Route<T>(int version, Class<T> payloadType, Consumer<ReceivedEvent<T>> handler) {
	}

	/**
	 * Declares which event types a consumer handles and which it deliberately ignores.
	 */
	public static final class Builder {

		private final JsonMapper json;

		private final Inbox inbox;

		private final TransactionTemplate tx;

		private final String consumer;

		private final Map<String, Route<?>> routes = new HashMap<>();

		private final Set<String> ignored = new HashSet<>();

		private Builder(JsonMapper json, Inbox inbox, TransactionTemplate tx, String consumer) {
			this.json = json;
			this.inbox = inbox;
			this.tx = tx;
			this.consumer = consumer;
		}

		/**
		 * Routes version 1 of the event type named like {@code payloadType}'s simple
		 * name.
		 * @param <T> the payload type
		 * @param payloadType the consumer's record of the fields it reads
		 * @param handler the handler, called once per event id
		 * @return this builder
		 */
		public <T> Builder on(Class<T> payloadType, Consumer<ReceivedEvent<T>> handler) {
			return on(payloadType.getSimpleName(), 1, payloadType, handler);
		}

		public <T> Builder on(String type, int version, Class<T> payloadType, Consumer<ReceivedEvent<T>> handler) {
			this.routes.put(type, new Route<>(version, payloadType, handler));
			return this;
		}

		/**
		 * Declares event types this consumer knows of and does not need.
		 * @param types the event types
		 * @return this builder
		 */
		public Builder ignore(String... types) {
			this.ignored.addAll(Set.of(types));
			return this;
		}

		public EventRouter build() {
			return new EventRouter(this);
		}

	}

}
