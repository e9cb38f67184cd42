package io.sagaref.eventstore;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * The {@link StreamLoader} on an {@link EventStore} and its {@link Snapshots}: the newest
 * snapshot of the definition's schema version (recorded at or before the instant, for a
 * state in the past) plus the events after it. An append that makes the version cross a
 * multiple of {@code snapshotEvery} saves a snapshot in the same transaction. With
 * {@code snapshotEvery} 0 it neither takes nor reads snapshots.
 */
public class SnapshottingStreamLoader implements StreamLoader {

	private final EventStore store;

	private final Snapshots snapshots;

	private final int snapshotEvery;

	/**
	 * @param store the events
	 * @param snapshots the snapshots
	 * @param snapshotEvery events between snapshots, 0 for none
	 */
	public SnapshottingStreamLoader(EventStore store, Snapshots snapshots, int snapshotEvery) {
		if (snapshotEvery < 0) {
			throw new IllegalArgumentException("snapshotEvery must not be negative");
		}
		this.store = store;
		this.snapshots = snapshots;
		this.snapshotEvery = snapshotEvery;
	}

	@Override
	public <S> Optional<Folded<S>> load(StreamDefinition<S> definition, String streamId) {
		Optional<Snapshot> snapshot = snapshot(definition, streamId, null);
		long after = snapshot.map(Snapshot::streamVersion).orElse(0L);
		return fold(definition, snapshot, this.store.readStream(streamId, after));
	}

	@Override
	public <S> Optional<Folded<S>> loadAsOf(StreamDefinition<S> definition, String streamId, Instant asOf) {
		Optional<Snapshot> snapshot = snapshot(definition, streamId, asOf);
		long after = snapshot.map(Snapshot::streamVersion).orElse(0L);
		return fold(definition, snapshot, this.store.readStreamUntil(streamId, after, asOf));
	}

	@Override
	public <S> Appended<S> append(StreamDefinition<S> definition, String streamId, @Nullable Folded<S> current,
			List<NewEvent> events, EventMetadata metadata) {
		if (events.isEmpty()) {
			if (current == null) {
				throw new IllegalArgumentException("A new stream needs at least one event");
			}
			return new Appended<>(List.of(), current);
		}
		long expected = (current != null) ? current.version() : 0;
		List<StoredEvent> stored = this.store.append(definition.streamType(), streamId, expected, events, metadata);
		S state = (current != null) ? current.state() : null;
		for (StoredEvent event : stored) {
			state = definition.fold(state, event);
		}
		StoredEvent last = stored.get(stored.size() - 1);
		if (state == null) {
			throw new IllegalStateException("Folding " + streamId + " gave no state");
		}
		var folded = new Folded<>(state, last.streamVersion(), last.recordedAt(),
				((current != null) ? current.eventsRead() : 0) + stored.size(),
				current != null && current.fromSnapshot());
		if (this.snapshotEvery > 0 && expected / this.snapshotEvery != last.streamVersion() / this.snapshotEvery) {
			this.snapshots.save(definition.streamType(), new Snapshot(streamId, last.streamVersion(),
					definition.snapshotSchemaVersion(), definition.snapshotOf(state), last.recordedAt()));
		}
		return new Appended<>(stored, folded);
	}

	private Optional<Snapshot> snapshot(StreamDefinition<?> definition, String streamId, @Nullable Instant until) {
		if (this.snapshotEvery == 0) {
			return Optional.empty();
		}
		return this.snapshots.latest(streamId, definition.snapshotSchemaVersion(), until);
	}

	private static <S> Optional<Folded<S>> fold(StreamDefinition<S> definition, Optional<Snapshot> snapshot,
			List<StoredEvent> events) {
		if (snapshot.isEmpty() && events.isEmpty()) {
			return Optional.empty();
		}
		S state = snapshot.map((s) -> definition.fromSnapshot(s.state())).orElse(null);
		long version = snapshot.map(Snapshot::streamVersion).orElse(0L);
		Instant recordedAt = snapshot.map(Snapshot::recordedAt).orElse(Instant.EPOCH);
		for (StoredEvent event : events) {
			state = definition.fold(state, event);
			version = event.streamVersion();
			recordedAt = event.recordedAt();
		}
		if (state == null) {
			throw new IllegalStateException("Folding the stream gave no state");
		}
		return Optional.of(new Folded<>(state, version, recordedAt, events.size(), snapshot.isPresent()));
	}

}
