package io.sagaref.orderquery.web;

import java.util.List;

import io.sagaref.orderquery.OrderViews.ViewPage;

/**
 * A page of results with what a client needs to fetch the next one; a stable JSON shape
 * instead of Spring Data's internal page type.
 *
 * @param <T> the element type
 */
record PageResponse<T>(List<T> content, int page, int size, long totalElements, int totalPages) {

	static <T> PageResponse<T> of(ViewPage page, List<T> content) {
		return new PageResponse<>(content, page.page(), page.size(), page.totalElements(), page.totalPages());
	}

}
