package io.sagaref.messaging;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import io.sagaref.messaging.inbox.EventRouter;
import io.sagaref.messaging.inbox.EventRouters;
import io.sagaref.messaging.outbox.Outbox;
import io.sagaref.messaging.outbox.StoredEnvelopes;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A minimal service on the messaging library: one event type that it applies (and may
 * answer), one that it ignores. Like a real service it does not scan the library's
 * packages: it gets the library's beans from its auto-configuration alone.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(MessagingTestApplication.Listener.class)
class MessagingTestApplication {

	static final String TOPIC = "test.events";

	/** Failures still to inject per label. */
	static final Map<String, AtomicInteger> failuresToInject = new ConcurrentHashMap<>();

	/** Whether a transaction was active, each time the router ran its after-each step. */
	static final Queue<Boolean> afterEachInTransaction = new ConcurrentLinkedQueue<>();

	/** The labels the router announced before handling them. */
	static final Set<String> announced = ConcurrentHashMap.newKeySet();

	/** Labels handled without having been announced first. */
	static final Queue<String> handledUnannounced = new ConcurrentLinkedQueue<>();

	/** The positions the relay asked the stand-in event store for, one entry per call. */
	static final Queue<List<Long>> storedEnvelopeLookups = new ConcurrentLinkedQueue<>();

	/**
	 * A stand-in for the event store library's envelopes: reads the table
	 * {@code stored_event} and records every call.
	 */
	@Bean
	StoredEnvelopes storedEnvelopes(JdbcTemplate jdbc) {
		return (Collection<Long> positions) -> {
			storedEnvelopeLookups.add(List.copyOf(positions));
			Map<Long, String> envelopes = new ConcurrentHashMap<>();
			jdbc.query("select position, envelope from stored_event where position = any(?)",
					(RowCallbackHandler) (rs) -> envelopes.put(rs.getLong(1), rs.getString(2)),
					(Object) positions.toArray(Long[]::new));
			return envelopes;
		};
	}

	@Bean
	EventRouter router(EventRouters routers, JdbcTemplate jdbc, Outbox outbox) {
		return routers.builder()
			.afterEach(() -> afterEachInTransaction.add(TransactionSynchronizationManager.isActualTransactionActive()))
			.beforeHandlers((events) -> events.forEach((event) -> {
				if (event.payload() instanceof ThingHappened thing) {
					announced.add(thing.label());
				}
			}))
			.on(ThingHappened.class, (event) -> {
				String label = event.payload().label();
				if (!announced.contains(label)) {
					handledUnannounced.add(label);
				}
				AtomicInteger failures = failuresToInject.get(label);
				if (failures != null && failures.getAndDecrement() > 0) {
					throw new RuntimeException("injected failure of " + label);
				}
				jdbc.update("insert into applied (event_id, label) values (?, ?)", event.envelope().eventId(), label);
				if (label.startsWith("answer-")) {
					outbox
						.append(OutgoingEvent.of(TOPIC, event.envelope().correlationId(), 2, new ThingAnswered(label)));
				}
			})
			.ignore("ThingAnswered", "Boring")
			.build();
	}

	@Component
	static class Listener {

		private final EventRouter router;

		Listener(EventRouter router) {
			this.router = router;
		}

		@KafkaListener(topics = TOPIC, groupId = "messaging-it", batch = "true")
		void on(List<ConsumerRecord<String, String>> records) {
			this.router.dispatchAll(records);
		}

	}

	record ThingHappened(String label) {
	}

	record ThingAnswered(String label) {
	}

}
