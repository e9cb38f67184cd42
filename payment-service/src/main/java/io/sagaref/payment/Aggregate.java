package io.sagaref.payment;

import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import org.jspecify.annotations.Nullable;

/**
 * What every payment-service aggregate shares: its changes record events, numbered by a
 * counter stored with its state. The counter is the aggregate's version as a stream of
 * events (1 after its first event, 2 after the second, ...), so the numbering survives
 * restarts, commits with the change, and can later become the version of an event store.
 *
 * @param <E> the aggregate's events
 */
@MappedSuperclass
public abstract class Aggregate<E> {

	@Column(name = "event_sequence", nullable = false)
	private long eventSequence;

	@Version
	private @Nullable Integer version;

	@Transient
	private final List<RecordedEvent<E>> pending = new ArrayList<>();

	/**
	 * @return the id the aggregate's events are published under (key and correlation id)
	 */
	protected abstract String aggregateId();

	/**
	 * Records a fact, numbered next in this aggregate's stream.
	 * @param event the fact
	 */
	protected final void record(E event) {
		this.eventSequence++;
		this.pending.add(new RecordedEvent<>(aggregateId(), this.eventSequence, event));
	}

	/**
	 * Hands over the events recorded since the last call, for publication.
	 * @return the events in the order they were recorded
	 */
	public List<RecordedEvent<E>> takeEvents() {
		List<RecordedEvent<E>> events = List.copyOf(this.pending);
		this.pending.clear();
		return events;
	}

	/**
	 * @return how many events this aggregate has recorded so far: its stream version
	 */
	public long eventSequence() {
		return this.eventSequence;
	}

}
