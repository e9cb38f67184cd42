package io.sagaref.gateway.composition;

import java.util.UUID;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/customers/{id}/overview}: the one public endpoint the gateway answers
 * itself instead of proxying (the customers route leaves it out).
 */
@RestController
class CustomerOverviewController {

	private final CustomerOverviewComposer composer;

	CustomerOverviewController(CustomerOverviewComposer composer) {
		this.composer = composer;
	}

	@GetMapping("/api/customers/{customerId}/overview")
	Mono<ResponseEntity<Object>> overview(@PathVariable String customerId) {
		UUID id;
		try {
			id = UUID.fromString(customerId);
		}
		catch (IllegalArgumentException ex) {
			return Mono.just(problem(HttpStatus.BAD_REQUEST, "Invalid request",
					"'" + customerId + "' is not a valid customer id (expected a UUID)"));
		}
		return this.composer.compose(id)
			.map((overview) -> ResponseEntity.ok().<Object>body(overview))
			.defaultIfEmpty(problem(HttpStatus.NOT_FOUND, "Not found", "Unknown customer " + id));
	}

	private static ResponseEntity<Object> problem(HttpStatus status, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

}
