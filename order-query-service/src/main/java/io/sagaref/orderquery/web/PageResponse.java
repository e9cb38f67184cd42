package io.sagaref.orderquery.web;

import java.util.List;

import org.springframework.data.domain.Page;

/**
 * A page of results with what a client needs to fetch the next one; a stable JSON shape
 * instead of Spring Data's internal page type.
 *
 * @param <T> the element type
 */
record PageResponse<T>(List<T> content, int page, int size, long totalElements, int totalPages) {

	static <T> PageResponse<T> of(Page<T> page) {
		return new PageResponse<>(page.getContent(), page.getNumber(), page.getSize(), page.getTotalElements(),
				page.getTotalPages());
	}

}
