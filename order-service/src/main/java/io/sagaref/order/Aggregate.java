package io.sagaref.order;

import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Transient;

/**
 * What every order-service aggregate shares: a change records the event it causes, and
 * each event is numbered by the aggregate's own sequence, stored with its state so the
 * numbering commits with the change. The sequence is the aggregate's future stream
 * version once it is event-sourced.
 *
 * @param <E> the aggregate's events
 */
@MappedSuperclass
public abstract class Aggregate<E> {

	@Column(name = "event_sequence", nullable = false)
	private long eventSequence;

	@Transient
	private final List<RecordedEvent<E>> pending = new ArrayList<>();

	/**
	 * @return the id its events are keyed and correlated by
	 */
	protected abstract String aggregateId();

	/**
	 * Records an event of a change, numbered next in the aggregate's sequence.
	 * @param event what happened
	 */
	protected final void record(E event) {
		this.eventSequence++;
		this.pending.add(new RecordedEvent<>(aggregateId(), this.eventSequence, event));
	}

	/**
	 * Hands the events recorded since the last call to the caller, which publishes them.
	 * @return the events in the order they happened
	 */
	public List<RecordedEvent<E>> takeEvents() {
		List<RecordedEvent<E>> events = List.copyOf(this.pending);
		this.pending.clear();
		return events;
	}

	/**
	 * @return how many events the aggregate has recorded in its life
	 */
	public long eventSequence() {
		return this.eventSequence;
	}

}
