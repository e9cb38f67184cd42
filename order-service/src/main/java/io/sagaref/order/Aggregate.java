package io.sagaref.order;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What every order-service aggregate shares: its state is derived by applying its events
 * in order, so a change records the event it causes ({@link #record}: apply it, then
 * queue it to be stored), and the state after a stream's events is the same whether it
 * was built by the commands or folded from the stream later ({@link #replay}). Its
 * version is its stream version: the number of events it consists of, recorded or stored.
 *
 * @param <E> the aggregate's events
 */
public abstract class Aggregate<E> {

	private long version;

	private final List<RecordedEvent<E>> pending = new ArrayList<>();

	/**
	 * @return the id its events are keyed and correlated by, its stream id
	 */
	protected abstract String aggregateId();

	/**
	 * Changes the state as the event says; never refuses: the rules were checked when the
	 * event was recorded.
	 * @param event what happened
	 * @param at when it was recorded
	 */
	protected abstract void apply(E event, Instant at);

	/**
	 * Takes the time the store gave an event this aggregate recorded itself: the command
	 * knew the time only approximately, the stream knows it exactly.
	 * @param streamVersion the event's version
	 * @param recordedAt when the store recorded it
	 */
	protected abstract void recordedAt(long streamVersion, Instant recordedAt);

	/**
	 * Applies the event of a change and queues it, numbered next in the stream.
	 * @param event what happened
	 * @param at the time of the change
	 */
	protected final void record(E event, Instant at) {
		apply(event, at);
		this.version++;
		this.pending.add(new RecordedEvent<>(aggregateId(), this.version, event));
	}

	/**
	 * Folds one event of the aggregate's stream. An event this aggregate recorded itself
	 * (its version not above the aggregate's) is already applied; only its recorded time
	 * is taken.
	 * @param event the event
	 * @param streamVersion its version, one more than the aggregate's
	 * @param recordedAt when it was recorded
	 * @throws IllegalStateException if an event is missing before it
	 */
	protected final void replay(E event, long streamVersion, Instant recordedAt) {
		if (streamVersion <= this.version) {
			recordedAt(streamVersion, recordedAt);
			return;
		}
		if (streamVersion != this.version + 1) {
			throw new IllegalStateException("Stream " + aggregateId() + " is at version " + this.version
					+ ", the next event must be " + (this.version + 1) + ", not " + streamVersion);
		}
		apply(event, recordedAt);
		this.version = streamVersion;
	}

	/**
	 * Sets the version of a state restored from a snapshot.
	 * @param version the version of the snapshot
	 */
	protected final void restoredAt(long version) {
		this.version = version;
	}

	/**
	 * @return the events recorded since it was loaded and not yet taken, oldest first:
	 * what storing it appends
	 */
	public List<RecordedEvent<E>> recordedEvents() {
		return List.copyOf(this.pending);
	}

	/**
	 * Hands the events recorded since the last call to the caller, which announces them.
	 * @return the events in the order they happened
	 */
	public List<RecordedEvent<E>> takeEvents() {
		List<RecordedEvent<E>> events = List.copyOf(this.pending);
		this.pending.clear();
		return events;
	}

	/**
	 * @return its stream version: how many events it consists of, the ones recorded and
	 * not yet stored included
	 */
	public long version() {
		return this.version;
	}

	/**
	 * @return the version of the stream as it was loaded, before the recorded events: the
	 * version an append of them expects
	 */
	public long loadedVersion() {
		return this.version - this.pending.size();
	}

}
