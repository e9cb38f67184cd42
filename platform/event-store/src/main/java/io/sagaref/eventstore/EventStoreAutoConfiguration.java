package io.sagaref.eventstore;

import java.util.Arrays;
import java.util.stream.Stream;

import io.sagaref.eventstore.export.EventLogWebConfiguration;
import io.sagaref.eventstore.jdbc.JdbcEventStore;
import io.sagaref.eventstore.jdbc.JdbcSnapshots;
import io.sagaref.eventstore.jdbc.StoreEnvelopes;
import io.sagaref.messaging.MessagingProperties;
import io.sagaref.messaging.SagaMessagingAutoConfiguration;
import io.sagaref.messaging.outbox.Outbox;
import io.sagaref.messaging.outbox.StoredEnvelopes;
import org.flywaydb.core.api.Location;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Wires the event store for any service that has this library on its class path: the
 * {@link EventStore}, its {@link Snapshots}, the {@link StreamLoader}
 * ({@code saga.event-store.snapshot-every}), every {@link EventUpcaster} bean applied on
 * every read, the envelopes the outbox relay publishes from the store, its migrations
 * ({@code classpath:db/eventstore}, added to the service's Flyway locations) and, in a
 * servlet web application, the export {@code /internal/event-log}.
 */
@AutoConfiguration(after = SagaMessagingAutoConfiguration.class)
@EnableConfigurationProperties(EventStoreProperties.class)
@Import(EventLogWebConfiguration.class)
public class EventStoreAutoConfiguration {

	/** Where the store's migrations live. */
	public static final String MIGRATIONS = "classpath:db/eventstore";

	@Bean
	Upcasters eventUpcasters(ObjectProvider<EventUpcaster> upcasters) {
		return new Upcasters(upcasters.orderedStream().toList());
	}

	@Bean
	EventStore eventStore(JdbcTemplate jdbc, JsonMapper json, Upcasters upcasters, Outbox outbox) {
		return new JdbcEventStore(jdbc, json, upcasters, outbox);
	}

	@Bean
	Snapshots snapshots(JdbcTemplate jdbc, JsonMapper json) {
		return new JdbcSnapshots(jdbc, json);
	}

	@Bean
	StreamLoader streamLoader(EventStore store, Snapshots snapshots, EventStoreProperties properties) {
		return new SnapshottingStreamLoader(store, snapshots, properties.snapshotEvery());
	}

	@Bean
	StoredEnvelopes storedEnvelopes(JdbcTemplate jdbc, JsonMapper json, MessagingProperties messaging) {
		return new StoreEnvelopes(jdbc, json, messaging.source());
	}

	/**
	 * Adds the store's migrations to whatever locations the service migrates (by default
	 * {@code db/migration} and {@code db/messaging}), so a service declares nothing.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(FlywayConfigurationCustomizer.class)
	static class EventStoreMigrations {

		@Bean
		FlywayConfigurationCustomizer eventStoreMigrations() {
			return (configuration) -> {
				Location store = new Location(MIGRATIONS);
				Location[] locations = configuration.getLocations();
				if (Arrays.stream(locations)
					.noneMatch((location) -> location.getDescriptor().equals(store.getDescriptor()))) {
					configuration
						.locations(Stream.concat(Arrays.stream(locations), Stream.of(store)).toArray(Location[]::new));
				}
			};
		}

	}

}
