package io.sagaref.orderquery;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

/**
 * One event in an order's history, as the view applied it: the timeline shows what
 * happened to an order and when, across all services.
 */
@Entity
@Table(name = "timeline_entry")
public class TimelineEntry {

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "timeline_entry_ids")
	@SequenceGenerator(name = "timeline_entry_ids", sequenceName = "timeline_entry_id_seq", allocationSize = 50)
	private @Nullable Long id;

	private UUID eventId;

	private UUID orderId;

	@Column(name = "occurred_at")
	private Instant at;

	private String source;

	private long sequence;

	private String type;

	private @Nullable String detail;

	protected TimelineEntry() {
		this.eventId = new UUID(0, 0);
		this.orderId = this.eventId;
		this.at = Instant.EPOCH;
		this.source = "";
		this.type = "";
	}

	private TimelineEntry(RecordedEvent recorded) {
		this.eventId = recorded.eventId();
		this.orderId = recorded.orderId();
		this.at = recorded.occurredAt();
		this.source = recorded.source().serviceName();
		this.sequence = recorded.sequence();
		this.type = recorded.event().type();
		this.detail = recorded.event().detail();
	}

	/**
	 * @param recorded an event the view applied
	 * @return its timeline entry
	 */
	public static TimelineEntry of(RecordedEvent recorded) {
		return new TimelineEntry(recorded);
	}

	public UUID eventId() {
		return this.eventId;
	}

	public UUID orderId() {
		return this.orderId;
	}

	public Instant at() {
		return this.at;
	}

	public String source() {
		return this.source;
	}

	public long sequence() {
		return this.sequence;
	}

	public String type() {
		return this.type;
	}

	public @Nullable String detail() {
		return this.detail;
	}

}
