package io.sagaref.messaging.inbox;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import io.sagaref.messaging.EventEnvelope;
import io.sagaref.messaging.ReceivedEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Turns the records of a poll into calls of the handlers registered for their event
 * types, inside one transaction together with one inbox check for all of them. Types a
 * service declares as ignored are acknowledged and skipped; anything else it does not
 * know is poison.
 */
public final class EventRouter {

	private final JsonMapper json;

	private final Inbox inbox;

	private final TransactionTemplate tx;

	private final String consumer;

	private final Map<String, Route<?>> routes;

	private final Set<String> ignored;

	private final Runnable afterEach;

	private final Consumer<List<ReceivedEvent<?>>> beforeHandlers;

	private EventRouter(Builder builder) {
		// amounts are exact decimals: never let a payload's number pass through a double
		this.json = builder.json.rebuild().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
		this.inbox = builder.inbox;
		this.tx = builder.tx;
		this.consumer = builder.consumer;
		this.routes = Map.copyOf(builder.routes);
		this.ignored = Set.copyOf(builder.ignored);
		this.afterEach = builder.afterEach;
		this.beforeHandlers = builder.beforeHandlers;
	}

	/**
	 * Handles the records of one poll: every record this consumer handles is applied in
	 * one transaction with one inbox statement, in the order given (per-key order is
	 * Kafka's partition order). Records of ignored types are skipped by their
	 * {@value EventEnvelope#TYPE_HEADER} header without being parsed. If the batch fails,
	 * its records are applied one transaction each, so that the records before a failing
	 * one commit and only that one is retried or dead-lettered.
	 * @param records the records of a poll, in the order consumed
	 * @throws BatchListenerFailedException naming the first record that cannot be
	 * applied, after every record before it has committed
	 */
	public void dispatchAll(List<? extends ConsumerRecord<?, String>> records) {
		List<Parsed<?>> batch = new ArrayList<>(records.size());
		for (ConsumerRecord<?, String> record : records) {
			if (isIgnoredByHeader(record)) {
				continue;
			}
			Parsed<?> parsed;
			try {
				parsed = parse(record);
			}
			catch (PoisonMessageException ex) {
				// what comes before the poison commits; the poison itself goes to the DLT
				applyBatch(batch);
				throw new BatchListenerFailedException(ex.getMessage(), ex, record);
			}
			if (parsed != null) {
				batch.add(parsed);
			}
		}
		applyBatch(batch);
	}

	private boolean isIgnoredByHeader(ConsumerRecord<?, String> record) {
		Header type = record.headers().lastHeader(EventEnvelope.TYPE_HEADER);
		return type != null && this.ignored.contains(new String(type.value(), StandardCharsets.UTF_8));
	}

	private @Nullable Parsed<?> parse(ConsumerRecord<?, String> record) {
		EventEnvelope envelope = parse(record.value());
		if (this.ignored.contains(envelope.type())) {
			return null;
		}
		Route<?> route = this.routes.get(envelope.type());
		if (route == null) {
			throw new PoisonMessageException("Unknown event type '" + envelope.type() + "' on " + record.topic());
		}
		if (route.version() != envelope.version()) {
			throw new PoisonMessageException("Unsupported version " + envelope.version() + " of " + envelope.type()
					+ " (this consumer reads version " + route.version() + ")");
		}
		return parsed(record, envelope, route);
	}

	private <T> Parsed<T> parsed(ConsumerRecord<?, String> record, EventEnvelope envelope, Route<T> route) {
		return new Parsed<>(record, new ReceivedEvent<>(envelope, payload(envelope, route.payloadType())),
				route.handler());
	}

	private void applyBatch(List<Parsed<?>> batch) {
		if (batch.isEmpty()) {
			return;
		}
		if (batch.size() > 1) {
			try {
				this.tx.executeWithoutResult((status) -> apply(batch));
				return;
			}
			catch (RuntimeException ex) {
				// one record spoilt the batch (or a lock conflict did): find it, one at a
				// time
			}
		}
		for (Parsed<?> parsed : batch) {
			try {
				this.tx.executeWithoutResult((status) -> apply(List.of(parsed)));
			}
			catch (RuntimeException ex) {
				throw new BatchListenerFailedException(ex.getMessage() != null ? ex.getMessage() : ex.toString(), ex,
						parsed.record());
			}
		}
	}

	private void apply(List<Parsed<?>> batch) {
		Set<UUID> fresh = this.inbox.firstDeliveries(
				batch.stream().map((parsed) -> parsed.event().envelope().eventId()).toList(), this.consumer);
		List<Parsed<?>> toApply = new ArrayList<>(fresh.size());
		for (Parsed<?> parsed : batch) {
			// remove: a duplicate inside the same batch is applied once
			if (fresh.remove(parsed.event().envelope().eventId())) {
				toApply.add(parsed);
			}
		}
		if (toApply.isEmpty()) {
			return;
		}
		this.beforeHandlers.accept(toApply.stream().<ReceivedEvent<?>>map(Parsed::event).toList());
		for (Parsed<?> parsed : toApply) {
			InboundContext.runWith(parsed.event().envelope(), parsed::handle);
			this.afterEach.run();
		}
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

	private record Parsed<T>(ConsumerRecord<?, String> record, ReceivedEvent<T> event,
			Consumer<ReceivedEvent<T>> handler) {

		void handle() {
			this.handler.accept(this.event);
		}

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

		private Runnable afterEach = () -> {
		};

		private Consumer<List<ReceivedEvent<?>>> beforeHandlers = (events) -> {
		};

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

		/**
		 * Runs after each event's handler, inside the batch's transaction: e.g. to write
		 * and forget what an ORM holds, so that the hundredth event of a batch costs what
		 * the first did. {@link EventRouters} sets it for JPA services.
		 * @param afterEach what to run
		 * @return this builder
		 */
		public Builder afterEach(Runnable afterEach) {
			this.afterEach = afterEach;
			return this;
		}

		/**
		 * Runs once per transaction before its handlers, with the events about to be
		 * handled, in order (duplicates already removed): e.g. to lock every row the
		 * batch will change in one sorted statement, so that two instances applying
		 * batches at once wait for each other instead of deadlocking.
		 * @param beforeHandlers what to run
		 * @return this builder
		 */
		public Builder beforeHandlers(Consumer<List<ReceivedEvent<?>>> beforeHandlers) {
			this.beforeHandlers = beforeHandlers;
			return this;
		}

		public EventRouter build() {
			return new EventRouter(this);
		}

	}

}
