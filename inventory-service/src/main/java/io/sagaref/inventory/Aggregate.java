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
 * restarts and commits with the change.
 */
@MappedSuperclass
public abstract class Aggregate {

	@Column(name = "event_sequence", nullable = false)
	private long eventSequence;

	@Version
	private @Nullable Long version;

	@Transient
	private final List<PendingEvent> pending = new ArrayList<>();

	protected abstract String aggregateId();

	protected final void record(InventoryEvent event) {
		this.eventSequence++;
		this.pending.add(new PendingEvent(aggregateId(), this.eventSequence, event));
	}

	/**
	 * Hands over the events recorded since the last call.
	 * @return the events in the order they were recorded
	 */
	public List<PendingEvent> takeEvents() {
		List<PendingEvent> events = List.copyOf(this.pending);
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
