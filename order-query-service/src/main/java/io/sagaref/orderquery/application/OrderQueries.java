package io.sagaref.orderquery.application;

import java.util.NoSuchElementException;

import io.sagaref.orderquery.CustomerId;
import io.sagaref.orderquery.OrderId;
import io.sagaref.orderquery.OrderStatus;
import io.sagaref.orderquery.OrderViews;
import io.sagaref.orderquery.OrderViews.OrderDetails;
import io.sagaref.orderquery.OrderViews.ViewPage;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Answers questions about orders from the read model alone; never asks another service.
 * Each answer reads one snapshot, so a view and its timeline, or a page and its count,
 * always agree even while events are being applied: a view with its timeline is one
 * statement, a page and its count one repeatable-read transaction.
 */
@Service
public class OrderQueries {

	private final OrderViews views;

	public OrderQueries(OrderViews views) {
		this.views = views;
	}

	/**
	 * @param orderId the order
	 * @return its view with its timeline
	 * @throws NoSuchElementException if no event about the order has arrived yet
	 */
	public OrderDetails get(OrderId orderId) {
		return this.views.details(orderId)
			.orElseThrow(() -> new NoSuchElementException(
					"No order " + orderId + " in the read model (unknown, or its first event has not arrived yet)"));
	}

	/**
	 * @param customerId only this customer's orders, if given
	 * @param status only orders in this status, if given
	 * @param page the page, from 0
	 * @param size the page size
	 * @return the page of views, newest order first; views of orders whose OrderPlaced
	 * has not arrived yet come last
	 */
	@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
	public ViewPage find(@Nullable CustomerId customerId, @Nullable OrderStatus status, int page, int size) {
		return this.views.page(customerId, status, page, size);
	}

}
