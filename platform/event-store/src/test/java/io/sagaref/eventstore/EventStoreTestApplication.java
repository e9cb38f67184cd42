package io.sagaref.eventstore;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.sagaref.messaging.inbox.EventRouter;
import io.sagaref.messaging.inbox.EventRouters;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * A minimal service on the event store library: like a real service it gets the store
 * from the auto-configuration alone, and declares only its upcasters. Its one kind of
 * stream, a tally, adds up amounts; a {@code TallyRequested} event from another service
 * opens one.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(EventStoreTestApplication.Listener.class)
class EventStoreTestApplication {

	static final String TOPIC = "store.events";

	static final String REQUESTS = "store.requests";

	@Bean
	EventRouter router(EventRouters routers, EventStore store) {
		return routers.builder()
			.on(TallyRequested.class,
					(event) -> store.append("tally", event.payload().tallyId(), 0,
							List.of(new NewEvent("Added", 2, new Added(0), null)),
							EventMetadata.correlatedBy(event.envelope().correlationId())))
			.build();
	}

	@Component
	static class Listener {

		private final EventRouter router;

		Listener(EventRouter router) {
			this.router = router;
		}

		@KafkaListener(topics = REQUESTS, groupId = "event-store-it", batch = "true")
		void on(List<ConsumerRecord<String, String>> records) {
			this.router.dispatchAll(records);
		}

	}

	/** Another service asked for a tally. */
	record TallyRequested(String tallyId) {
	}

	/** {@code Added} v1 called its amount {@code value}. */
	@Bean
	EventUpcaster addedV1() {
		return upcaster("Added", 1, (data) -> {
			data.set("amount", data.remove("value"));
			return data;
		});
	}

	/** {@code Noted} v1 had no author. */
	@Bean
	EventUpcaster notedV1() {
		return upcaster("Noted", 1, (data) -> data.put("author", "unknown"));
	}

	/** {@code Noted} v2 called its text {@code note}. */
	@Bean
	EventUpcaster notedV2() {
		return upcaster("Noted", 2, (data) -> {
			data.set("text", data.remove("note"));
			return data;
		});
	}

	static EventUpcaster upcaster(String type, int fromVersion, java.util.function.UnaryOperator<ObjectNode> step) {
		return new EventUpcaster() {

			@Override
			public String type() {
				return type;
			}

			@Override
			public int fromVersion() {
				return fromVersion;
			}

			@Override
			public ObjectNode upcast(ObjectNode data) {
				return step.apply(data);
			}

		};
	}

	/** An amount was added to a tally. */
	record Added(long amount) {
	}

	/** The state of a tally. */
	record Tally(long total, int additions) {
	}

	/**
	 * How a tally is folded and snapshotted.
	 */
	static final class Tallies implements StreamDefinition<Tally> {

		private final JsonMapper json = JsonMapper.builder().build();

		private final int schemaVersion;

		Tallies(int schemaVersion) {
			this.schemaVersion = schemaVersion;
		}

		@Override
		public String streamType() {
			return "tally";
		}

		@Override
		public int snapshotSchemaVersion() {
			return this.schemaVersion;
		}

		@Override
		public Tally fold(@Nullable Tally state, StoredEvent event) {
			Tally current = (state != null) ? state : new Tally(0, 0);
			return switch (event.type()) {
				case "Added" ->
					new Tally(current.total() + event.data().path("amount").asLong(), current.additions() + 1);
				default -> current;
			};
		}

		@Override
		public JsonNode snapshotOf(Tally state) {
			return this.json.valueToTree(new SnapshotV(state.total(), state.additions()));
		}

		@Override
		public Tally fromSnapshot(JsonNode snapshot) {
			return new Tally(snapshot.path("total").asLong(), snapshot.path("additions").asInt());
		}

		record SnapshotV(@JsonProperty("total") long total, @JsonProperty("additions") int additions) {
		}

	}

}
