package io.sagaref.orderquery.persistence;

import java.util.List;
import java.util.UUID;

import io.sagaref.orderquery.TimelineEntries;
import io.sagaref.orderquery.TimelineEntry;

import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/**
 * Stores timeline entries with JPA.
 */
public interface JpaTimelineEntries extends TimelineEntries, Repository<TimelineEntry, Long> {

	@Override
	@Query("select e from TimelineEntry e where e.orderId = :orderId order by e.at, e.source, e.sequence")
	List<TimelineEntry> of(UUID orderId);

}
