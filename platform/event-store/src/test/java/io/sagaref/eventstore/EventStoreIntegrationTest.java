package io.sagaref.eventstore;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.sagaref.embedded.ServiceDatabase;
import io.sagaref.eventstore.EventStoreTestApplication.Added;
import io.sagaref.testsupport.TestInfrastructure;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Base of the event store's integration tests: the test service on real Postgres and
 * Kafka in one Spring context shared by every subclass, and helpers to append and to read
 * the whole log.
 */
@SpringBootTest(classes = EventStoreTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class EventStoreIntegrationTest {

	static final String TALLY = "tally";

	@Autowired
	EventStore store;

	@Autowired
	Snapshots snapshots;

	@Autowired
	StreamLoader loader;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	JdbcTemplate jdbc;

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		TestInfrastructure.register(registry, ServiceDatabase.ORDERS);
	}

	static String streamId(String prefix) {
		return prefix + "-" + UUID.randomUUID();
	}

	static NewEvent added(long amount) {
		return new NewEvent("Added", 2, new Added(amount), null);
	}

	List<StoredEvent> append(String streamId, long expectedVersion, NewEvent... events) {
		return this.tx.execute((status) -> this.store.append(TALLY, streamId, expectedVersion, List.of(events),
				new EventMetadata("saga-" + streamId, null, Map.of("idempotencyKey", "k-" + expectedVersion))));
	}

	/**
	 * @param after where to start
	 * @return every event readable now after the position, in commit order
	 */
	List<StoredEvent> readToTheEnd(LogPosition after) {
		List<StoredEvent> all = new ArrayList<>();
		LogPosition position = after;
		List<StoredEvent> page;
		do {
			page = this.store.readAll(position, 500);
			all.addAll(page);
			if (!page.isEmpty()) {
				position = page.get(page.size() - 1).position();
			}
		}
		while (!page.isEmpty());
		return all;
	}

	/**
	 * @return the position of the last event readable now
	 */
	LogPosition endOfLog() {
		List<StoredEvent> all = readToTheEnd(LogPosition.START);
		return all.isEmpty() ? LogPosition.START : all.get(all.size() - 1).position();
	}

	int rowsOf(String streamId) {
		Integer rows = this.jdbc.queryForObject("select count(*) from event_store where stream_id = ?", Integer.class,
				streamId);
		return (rows != null) ? rows : 0;
	}

}
