package io.sagaref.eventstore;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.sagaref.eventstore.EventStoreTestApplication.Tallies;
import io.sagaref.eventstore.EventStoreTestApplication.Tally;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Snapshots on real Postgres ({@code saga.event-store.snapshot-every: 2} in the test
 * service): taken whenever an append crosses a multiple of N, ignored once the state's
 * schema version changes, and never changing what a state at an instant is.
 */
class SnapshotIT extends EventStoreIntegrationTest {

	private final Tallies tallies = new Tallies(1);

	@Test
	void takesASnapshotWheneverTheVersionCrossesAMultipleOfN() {
		String id = streamId("snap");
		appendOneByOne(this.loader, this.tallies, id, 1, 2, 3, 4, 5);
		// one append of two events crosses 6 without landing on it
		var current = this.loader.load(this.tallies, id).orElseThrow();
		this.tx.execute((s) -> this.loader.append(this.tallies, id, current, List.of(added(6), added(7)),
				EventMetadata.correlatedBy(id)));

		assertThat(snapshotVersions(id)).containsExactly(2L, 4L, 7L);
		Folded<Tally> loaded = this.loader.load(this.tallies, id).orElseThrow();
		assertThat(loaded.state()).isEqualTo(new Tally(28, 7));
		assertThat(loaded.version()).isEqualTo(7);
		assertThat(loaded.fromSnapshot()).isTrue();
		assertThat(loaded.eventsRead()).isZero();
		assertThat(loaded.recordedAt()).isEqualTo(this.store.readStream(id, 6).get(0).recordedAt());
	}

	@Test
	void ignoresASnapshotOfAnotherSchemaVersionAndReplacesIt() {
		String id = streamId("schema");
		appendOneByOne(this.loader, this.tallies, id, 1, 2, 3);
		var reshaped = new Tallies(2);

		Folded<Tally> loaded = this.loader.load(reshaped, id).orElseThrow();
		assertThat(loaded.fromSnapshot()).isFalse();
		assertThat(loaded.eventsRead()).isEqualTo(3);
		assertThat(loaded.state()).isEqualTo(new Tally(6, 3));

		appendOneByOne(this.loader, reshaped, id, 4);
		assertThat(this.jdbc.queryForList(
				"select stream_version || '@v' || schema_version from event_snapshot where stream_id = ? order by 1",
				String.class, id))
			.containsExactly("4@v2");
		assertThat(this.loader.load(reshaped, id).orElseThrow().fromSnapshot()).isTrue();
	}

	@Test
	void givesTheSameStateAtAnInstantWithAndWithoutSnapshots() {
		String id = streamId("as-of");
		List<StoredEvent> events = appendOneByOne(this.loader, this.tallies, id, 1, 2, 3, 4, 5);
		var withoutSnapshots = new SnapshottingStreamLoader(this.store, this.snapshots, 0);
		Instant beforeTheFirst = events.get(0).recordedAt().minusMillis(1);

		assertThat(this.loader.loadAsOf(this.tallies, id, beforeTheFirst)).isEmpty();
		assertThat(withoutSnapshots.loadAsOf(this.tallies, id, beforeTheFirst)).isEmpty();
		for (int index : new int[] { 0, 2, 4 }) {
			Instant asOf = events.get(index).recordedAt();
			Folded<Tally> snapshotted = this.loader.loadAsOf(this.tallies, id, asOf).orElseThrow();
			Folded<Tally> replayed = withoutSnapshots.loadAsOf(this.tallies, id, asOf).orElseThrow();
			assertThat(snapshotted.state()).isEqualTo(replayed.state());
			assertThat(snapshotted.version()).isEqualTo(replayed.version()).isEqualTo(index + 1);
			assertThat(snapshotted.recordedAt()).isEqualTo(replayed.recordedAt()).isEqualTo(asOf);
			assertThat(replayed.fromSnapshot()).isFalse();
			assertThat(snapshotted.fromSnapshot()).isEqualTo(index > 0);
		}
		assertThat(this.loader.loadAsOf(this.tallies, id, events.get(2).recordedAt()).orElseThrow().state())
			.isEqualTo(new Tally(6, 3));
	}

	@Test
	void takesNoSnapshotWhenNIsZero() {
		String id = streamId("never");
		var withoutSnapshots = new SnapshottingStreamLoader(this.store, this.snapshots, 0);
		appendOneByOne(withoutSnapshots, this.tallies, id, 1, 2, 3, 4);

		assertThat(snapshotVersions(id)).isEmpty();
	}

	@Test
	void deletesEverySnapshotOfAKindOfStream() {
		String id = streamId("delete");
		appendOneByOne(this.loader, this.tallies, id, 1, 2);
		assertThat(snapshotVersions(id)).containsExactly(2L);

		assertThat(this.snapshots.deleteAll(TALLY)).isPositive();
		assertThat(snapshotVersions(id)).isEmpty();
		assertThat(this.loader.load(this.tallies, id).orElseThrow().state()).isEqualTo(new Tally(3, 2));
	}

	private List<StoredEvent> appendOneByOne(StreamLoader loader, Tallies definition, String id, long... amounts) {
		List<StoredEvent> all = new java.util.ArrayList<>();
		for (long amount : amounts) {
			Optional<Folded<Tally>> current = loader.load(definition, id);
			var appended = this.tx.execute((s) -> loader.append(definition, id, current.orElse(null),
					List.of(added(amount)), EventMetadata.correlatedBy(id)));
			all.addAll(appended.events());
			Folded<Tally> loaded = loader.load(definition, id).orElseThrow();
			assertThat(appended.state().state()).isEqualTo(loaded.state());
			assertThat(appended.state().version()).isEqualTo(loaded.version());
		}
		return all;
	}

	private List<Long> snapshotVersions(String id) {
		return this.jdbc.queryForList("select stream_version from event_snapshot where stream_id = ? order by 1",
				Long.class, id);
	}

}
