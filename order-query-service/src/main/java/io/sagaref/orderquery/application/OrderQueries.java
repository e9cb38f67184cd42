package io.sagaref.orderquery.application;

import java.util.List;
import java.util.NoSuchElementException;
import java.util.UUID;

import io.sagaref.orderquery.OrderStatus;
import io.sagaref.orderquery.OrderView;
import io.sagaref.orderquery.OrderViews;
import io.sagaref.orderquery.TimelineEntries;
import io.sagaref.orderquery.TimelineEntry;
import io.sagaref.orderquery.persistence.JpaOrderViews;
import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Answers questions about orders from the read model alone; never asks another service.
 * Each answer reads one snapshot (repeatable read), so a view and its timeline, or a page
 * and its count, always agree even while events are being applied.
 */
@Service
@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
public class OrderQueries {

	private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("placedAt").nullsLast(),
			Sort.Order.asc("orderId"));

	private final OrderViews views;

	private final JpaOrderViews search;

	private final TimelineEntries timeline;

	public OrderQueries(OrderViews views, JpaOrderViews search, TimelineEntries timeline) {
		this.views = views;
		this.search = search;
		this.timeline = timeline;
	}

	/**
	 * @param orderId the order
	 * @return its view with its timeline
	 * @throws NoSuchElementException if no event about the order has arrived yet
	 */
	public OrderDetails get(UUID orderId) {
		OrderView view = this.views.findById(orderId)
			.orElseThrow(() -> new NoSuchElementException(
					"No order " + orderId + " in the read model (unknown, or its first event has not arrived yet)"));
		return new OrderDetails(view, this.timeline.of(orderId));
	}

	/**
	 * @param customerId only this customer's orders, if given
	 * @param status only orders in this status, if given
	 * @param page the page, from 0
	 * @param size the page size
	 * @return the page of views, newest order first; views of orders whose OrderPlaced
	 * has not arrived yet come last
	 */
	public Page<OrderView> find(@Nullable UUID customerId, @Nullable OrderStatus status, int page, int size) {
		Specification<OrderView> filter = Specification.unrestricted();
		if (customerId != null) {
			filter = filter.and((view, query, cb) -> cb.equal(view.get("customerId"), customerId));
		}
		if (status != null) {
			filter = filter.and((view, query, cb) -> cb.equal(view.get("status"), status));
		}
		return this.search.findAll(filter, PageRequest.of(page, size, NEWEST_FIRST));
	}

	/**
	 * An order's view and its history.
	 *
	 * @param view the view
	 * @param timeline its events, oldest first
	 */
	public record OrderDetails(OrderView view, List<TimelineEntry> timeline) {
	}

}
