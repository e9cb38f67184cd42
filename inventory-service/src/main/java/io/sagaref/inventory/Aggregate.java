package io.sagaref.inventory;

import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import org.jspecify.annotations.Nullable;

/**
 * What every inventory aggregate shares: it records the events its changes cause and
 * numbers them with a counter stored alongside its state, so the numbering survives
 * restarts and commits with the change. The counter is the aggregate's version as a
 * stream of events, should it ever be stored as one.
 *
 * @param <E> the aggregate's events
 */
@MappedSuperclass
public abstract class Aggregate<E> {

	@Column(name = "event_sequence", nullable = false)
	private long eventSequence;

	@Version
	private @Nullable Long version;

	@Transient
	private final List<RecordedEvent<E>> pending = new ArrayList<>();

	/**
	 * @return the id the aggregate's events are published under (key and correlation id)
	 */
	protected abstract String aggregateId();

	/**
	 * Records a fact, numbered next in this aggregate's sequence.
	 * @param event the fact
	 */
	protected final void record(E event) {
		this.eventSequence++;
		this.pending.add(new RecordedEvent<>(aggregateId(), this.eventSequence, event));
	}

	/**
	 * Hands over the events recorded since the last call.
	 * @return the events in the order they were recorded
	 */
	public List<RecordedEvent<E>> takeEvents() {
		List<RecordedEvent<E>> events = List.copyOf(this.pending);
		this.pending.clear();
		return events;
	}

	/**
	 * @return how many events this aggregate has emitted so far
	 */
	public long eventSequence() {
		return this.eventSequence;
	}

}
