package io.sagaref.orderquery;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * The stored read model: order views and their timelines.
 */
public interface OrderViews {

	/**
	 * Reads and locks the stored views of these orders until the transaction ends.
	 * @param orderIds the orders
	 * @return the views found, by order id; orders without a view are absent
	 */
	Map<OrderId, OrderView> lockAll(Collection<OrderId> orderIds);

	/**
	 * Stores changed views (new ones included) and appends the applied events to their
	 * timelines, each with its payload (for {@link #history}). A view is written only
	 * over the version it was read with.
	 * @param changes the changed views
	 * @param applied the events that changed them, in the order applied
	 * @throws org.springframework.dao.OptimisticLockingFailureException if another
	 * transaction stored one of the views first
	 */
	void saveAll(Collection<ViewChange> changes, List<RecordedEvent> applied);

	/**
	 * @param orderId the order
	 * @return its view with its timeline, read in one statement (one snapshot)
	 */
	Optional<OrderDetails> details(OrderId orderId);

	/**
	 * @param orderId the order
	 * @return every event applied to its view, as applied, in timeline order; empty if
	 * none
	 * @throws IllegalStateException if some were stored before payloads were kept (a
	 * rebuild stores them all again)
	 */
	List<RecordedEvent> history(OrderId orderId);

	/**
	 * @param orderId the order
	 * @return every event applied to its view in the order it was applied (store order,
	 * which the live projection and a replay of the stored steps share), each with when
	 * it was stored; empty if none
	 * @throws IllegalStateException if some were stored before payloads were kept
	 */
	List<StoredEvent> inStoreOrder(OrderId orderId);

	/**
	 * @param orderId the order
	 * @param source a source
	 * @return the sequence of the last event applied to its view from that source, 0 if
	 * none or no view
	 */
	long lastSequence(OrderId orderId, Source source);

	/**
	 * @return when the newest event applied to any view happened, empty if none was
	 */
	Optional<Instant> newestEventAt();

	/**
	 * @param customerId only this customer's orders, if given
	 * @param status only orders in this status, if given
	 * @param page the page, from 0
	 * @param size the page size
	 * @return the page, newest order first; views whose OrderPlaced has not arrived yet
	 * come last
	 */
	ViewPage page(@Nullable CustomerId customerId, @Nullable OrderStatus status, int page, int size);

	/**
	 * A view to store, with which of its collections changed since it was read.
	 *
	 * @param view the view
	 * @param linesChanged whether its lines must be rewritten
	 * @param shortagesChanged whether its shortages must be rewritten
	 */
	record ViewChange(OrderView view, boolean linesChanged, boolean shortagesChanged) {
	}

	/**
	 * An order's view and its history.
	 *
	 * @param view the view
	 * @param timeline its events, oldest first
	 */
	record OrderDetails(OrderView view, List<TimelineEntry> timeline) {
	}

	/**
	 * An applied event as stored.
	 *
	 * @param event the event
	 * @param recordedAt when the transaction that stored it started
	 */
	record StoredEvent(RecordedEvent event, Instant recordedAt) {
	}

	/**
	 * One page of views.
	 *
	 * @param content the views
	 * @param page the page number, from 0
	 * @param size the page size asked for
	 * @param totalElements how many views match
	 */
	record ViewPage(List<OrderView> content, int page, int size, long totalElements) {

		public int totalPages() {
			return (int) ((this.totalElements + this.size - 1) / this.size);
		}

	}

}
