package io.sagaref.orderquery;

import java.util.List;
import java.util.UUID;

/**
 * The stored timelines of all orders.
 */
public interface TimelineEntries {

	/**
	 * @param orderId the order
	 * @return its entries in the order the events happened
	 */
	List<TimelineEntry> of(UUID orderId);

	TimelineEntry save(TimelineEntry entry);

}
