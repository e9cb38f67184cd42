package io.sagaref.eventstore;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Append throughput of the event store: for 1, 4 and 16 concurrent writers, each
 * transaction appends to a stream of its own at the version it read, the shape of a saga
 * step. Not part of {@code ./mvnw verify} (the name matches neither *Test nor *IT); run
 * it on durable Postgres (fsync on), as production would:
 *
 * <pre>
 * ./mvnw -pl platform/event-store -am verify -Dsaga.test.durable=true \
 *     -Dit.test=EventStoreAppendBenchmark -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 *
 * It prints events per second and asserts only that every append was stored.
 */
class EventStoreAppendBenchmark extends EventStoreIntegrationTest {

	private static final Duration EACH = Duration.ofSeconds(10);

	@Test
	void appendsAsFastAsItCan() throws InterruptedException {
		for (int events : List.of(1, 5)) {
			for (int writers : List.of(1, 4, 16)) {
				run(writers, events);
			}
		}
	}

	private void run(int writers, int eventsPerAppend) throws InterruptedException {
		String prefix = streamId("bench-" + writers + "x" + eventsPerAppend);
		AtomicLong appends = new AtomicLong();
		long end = System.nanoTime() + EACH.toNanos();
		List<Thread> threads = new ArrayList<>();
		for (int w = 0; w < writers; w++) {
			String stream = prefix + "-" + w;
			threads.add(Thread.ofVirtual().start(() -> {
				long version = 0;
				while (System.nanoTime() < end) {
					List<NewEvent> batch = new ArrayList<>();
					for (int e = 0; e < eventsPerAppend; e++) {
						batch.add(added(e));
					}
					append(stream, version, batch.toArray(NewEvent[]::new));
					version += eventsPerAppend;
					appends.incrementAndGet();
				}
			}));
		}
		for (Thread thread : threads) {
			thread.join();
		}
		long events = appends.get() * eventsPerAppend;
		Long stored = this.jdbc.queryForObject("select count(*) from event_store where stream_id like ?", Long.class,
				prefix + "-%");
		assertThat(stored).isEqualTo(events);
		System.out.printf(Locale.ROOT, "append benchmark: writers=%d events/append=%d appends/s=%.0f events/s=%.0f%n",
				writers, eventsPerAppend, appends.get() / (double) EACH.toSeconds(),
				events / (double) EACH.toSeconds());
	}

}
