package io.sagaref.eventstore;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The log in commit order never skips an event whose transaction commits late. Sequence
 * numbers are taken at insert, not at commit: transaction A takes the lower number but
 * commits after B and C. A reader ordering by sequence alone would read B and C, move its
 * position past A's number, and never see A. The store reads by (transaction id,
 * sequence) and only transactions older than every running one, so it holds B and C back
 * until A has ended.
 */
class GapFreeReadIT extends EventStoreIntegrationTest {

	@Test
	void neverPassesAnEventWhoseTransactionCommitsLate() throws Exception {
		LogPosition start = endOfLog();
		String a = streamId("late-a");
		String b = streamId("gap-b");
		String c = streamId("gap-c");
		Set<String> ours = Set.of(a, b, c);
		var appended = new CountDownLatch(1);
		var commit = new CountDownLatch(1);
		CompletableFuture<List<StoredEvent>> transactionA = CompletableFuture.supplyAsync(() -> this.tx.execute((s) -> {
			var events = this.store.append(TALLY, a, 0, List.of(added(1)), EventMetadata.correlatedBy(a));
			appended.countDown();
			awaitLatch(commit);
			return events;
		}));
		assertThat(appended.await(30, TimeUnit.SECONDS)).isTrue();
		StoredEvent eventB = append(b, 0, added(2)).get(0);
		StoredEvent eventC = append(c, 0, added(3)).get(0);

		// while A is open: B and C are committed but not readable, A is invisible
		List<StoredEvent> whileOpen = ours(readToTheEnd(start), ours);
		assertThat(whileOpen).isEmpty();
		// ordering by sequence alone reads B and C now ...
		List<Long> naive = naiveRead(start.sequence(), ours);
		assertThat(naive).containsExactly(eventB.position().sequence(), eventC.position().sequence());

		commit.countDown();
		StoredEvent eventA = transactionA.get(30, TimeUnit.SECONDS).get(0);
		assertThat(eventA.position().sequence()).isLessThan(eventB.position().sequence());
		assertThat(eventA.position().transactionId()).isLessThan(eventB.position().transactionId());

		// ... and, resuming after C, would never see A
		assertThat(naiveRead(naive.get(naive.size() - 1), ours)).isEmpty();
		// the store's reader resumes from where it was and gets all three, A first
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(ours(readToTheEnd(start), ours)).extracting(StoredEvent::eventId)
				.containsExactly(eventA.eventId(), eventB.eventId(), eventC.eventId()));
	}

	@Test
	void readsEventsOfOneTransactionTogetherInTheirOrder() {
		LogPosition start = endOfLog();
		String id = streamId("together");
		List<StoredEvent> appended = append(id, 0, added(1), added(2), added(3));

		// another transaction of the service that is still open holds them back a moment
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			assertThat(ours(readToTheEnd(start), Set.of(id))).containsExactlyElementsOf(appended);
			assertThat(this.store.readAll(appended.get(0).position(), 2))
				.containsExactlyElementsOf(appended.subList(1, 3));
		});
	}

	private List<Long> naiveRead(long afterSequence, Set<String> streams) {
		return this.jdbc.queryForList(
				"select sequence from event_store where sequence > ? and stream_id = any(?) order by sequence",
				Long.class, afterSequence, streams.toArray(String[]::new));
	}

	private static List<StoredEvent> ours(List<StoredEvent> events, Set<String> streams) {
		return events.stream().filter((e) -> streams.contains(e.streamId())).toList();
	}

	private static void awaitLatch(CountDownLatch latch) {
		try {
			if (!latch.await(30, TimeUnit.SECONDS)) {
				throw new IllegalStateException("The test never let transaction A commit");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
