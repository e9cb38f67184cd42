package io.sagaref.eventstore;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.sagaref.eventstore.EventStoreTestApplication.Added;
import org.junit.jupiter.api.Test;

import org.springframework.transaction.IllegalTransactionStateException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The store on real Postgres: appends numbered per stream with their metadata, optimistic
 * concurrency that stores nothing of a losing append, and old event versions read at the
 * current one everywhere.
 */
class EventStoreIT extends EventStoreIntegrationTest {

	@Test
	void appendsEventsAndReadsTheStreamBackInOrder() {
		String id = streamId("read");
		List<StoredEvent> first = append(id, 0, added(5), added(7));
		List<StoredEvent> second = append(id, 2, added(11));

		assertThat(first).extracting(StoredEvent::streamVersion).containsExactly(1L, 2L);
		assertThat(second).extracting(StoredEvent::streamVersion).containsExactly(3L);
		List<StoredEvent> stream = this.store.readStream(id, 0);
		assertThat(stream)
			.containsExactlyElementsOf(java.util.stream.Stream.concat(first.stream(), second.stream()).toList());
		StoredEvent event = stream.get(0);
		assertThat(event.streamType()).isEqualTo(TALLY);
		assertThat(event.streamId()).isEqualTo(id);
		assertThat(event.type()).isEqualTo("Added");
		assertThat(event.version()).isEqualTo(2);
		assertThat(event.data().path("amount").asLong()).isEqualTo(5);
		assertThat(event.metadata().correlationId()).isEqualTo("saga-" + id);
		assertThat(event.metadata().causationId()).isNull();
		assertThat(event.metadata().attributes()).containsEntry("idempotencyKey", "k-0");
		assertThat(stream).extracting(StoredEvent::position).isSorted();
		assertThat(first.get(0).position().transactionId()).isEqualTo(first.get(1).position().transactionId());
		assertThat(second.get(0).position().transactionId()).isGreaterThan(first.get(0).position().transactionId());
		assertThat(this.store.readStream(id, 2)).containsExactlyElementsOf(second);
		assertThat(this.store.readStreamUntil(id, 0, first.get(1).recordedAt())).containsExactlyElementsOf(first);
	}

	@Test
	void listsTheStreamsOfOneKindInTheOrderTheyBegan() {
		String a = streamId("ids");
		String b = streamId("ids");
		append(a, 0, added(1));
		append(b, 0, added(1));
		append(a, 1, added(1));
		this.tx.executeWithoutResult((status) -> this.store.append("other", streamId("ids"), 0, List.of(added(1)),
				EventMetadata.correlatedBy("x")));

		List<String> ids = this.store.streamIds(TALLY);
		assertThat(ids).containsSubsequence(a, b).doesNotHaveDuplicates();
		assertThat(this.store.streamIds("other")).doesNotContain(a, b);
	}

	@Test
	void refusesAnAppendFromAStaleVersionAndStoresNoneOfItsEvents() {
		String id = streamId("conflict");
		append(id, 0, added(1), added(2));

		assertThatThrownBy(() -> append(id, 1, added(3), added(4))).isInstanceOf(ConcurrencyConflictException.class)
			.isInstanceOf(IllegalStateException.class)
			.satisfies((ex) -> {
				assertThat(((ConcurrencyConflictException) ex).streamId()).isEqualTo(id);
				assertThat(((ConcurrencyConflictException) ex).expectedVersion()).isEqualTo(1);
			});
		assertThatThrownBy(() -> append(id, 0, added(5))).isInstanceOf(ConcurrencyConflictException.class);
		assertThat(rowsOf(id)).isEqualTo(2);
		assertThat(this.store.readStream(id, 0)).extracting((e) -> e.data().path("amount").asLong())
			.containsExactly(1L, 2L);
	}

	@Test
	void refusesAnAppendFromAVersionTheStreamNeverReached() {
		String id = streamId("ahead");
		append(id, 0, added(1));

		assertThatThrownBy(() -> append(id, 5, added(2))).isInstanceOf(ConcurrencyConflictException.class);
		assertThat(rowsOf(id)).isEqualTo(1);
	}

	@Test
	void rollsBackTheEventsWithTheTransaction() {
		String id = streamId("rollback");
		this.tx.executeWithoutResult((status) -> {
			this.store.append(TALLY, id, 0, List.of(added(1)), EventMetadata.correlatedBy(id));
			status.setRollbackOnly();
		});
		assertThat(rowsOf(id)).isZero();
	}

	@Test
	void appendsOnlyInsideATransaction() {
		assertThatThrownBy(() -> this.store.append(TALLY, streamId("no-tx"), 0, List.of(added(1)),
				EventMetadata.correlatedBy("x")))
			.isInstanceOf(IllegalTransactionStateException.class);
	}

	@Test
	void readsAnOldVersionAtTheCurrentOneInTheStreamAndTheLog() {
		LogPosition before = endOfLog();
		String id = streamId("upcast");
		List<StoredEvent> appended = append(id, 0, new NewEvent("Added", 1, Map.of("value", 42), null), added(8));

		assertThat(appended.get(0).version()).isEqualTo(2);
		assertThat(appended.get(0).data().path("amount").asLong()).isEqualTo(42);
		for (List<StoredEvent> read : List.of(this.store.readStream(id, 0),
				readToTheEnd(before).stream().filter((e) -> e.streamId().equals(id)).toList())) {
			assertThat(read).extracting(StoredEvent::version).containsExactly(2, 2);
			assertThat(read.get(0).data().has("value")).isFalse();
			assertThat(read).extracting((e) -> e.data().path("amount").asLong()).containsExactly(42L, 8L);
		}
		// the stored row is never rewritten
		assertThat(this.jdbc.queryForObject(
				"select event_version || ' ' || (data ->> 'value') from event_store where stream_id = ? and stream_version = 1",
				String.class, id))
			.isEqualTo("1 42");
	}

	@Test
	void chainsUpcastersFromTheFirstVersionToTheLast() {
		String id = streamId("chain");
		append(id, 0, new NewEvent("Noted", 1, Map.of("note", "first"), null),
				new NewEvent("Noted", 2, Map.of("note", "second", "author", "ann"), null),
				new NewEvent("Noted", 3, Map.of("text", "third", "author", "bob"), null));

		List<StoredEvent> read = this.store.readStream(id, 0);
		assertThat(read).extracting(StoredEvent::version).containsExactly(3, 3, 3);
		assertThat(read).extracting((e) -> e.data().path("text").asString() + "/" + e.data().path("author").asString())
			.containsExactly("first/unknown", "second/ann", "third/bob");
	}

	@Test
	void readsEventDataThatWasARecordAsJson() {
		String id = streamId("record");
		append(id, 0, new NewEvent("Added", 2, new Added(3), null));
		assertThat(this.store.readStream(id, 0).get(0).data().toString()).isEqualTo("{\"amount\":3}");
		assertThat(UUID.fromString(this.store.readStream(id, 0).get(0).eventId().toString())).isNotNull();
	}

}
