package io.sagaref.gateway.composition;

import java.util.UUID;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/customers/{id}/overview}: the one public endpoint the gateway answers
 * itself instead of proxying (the customers route leaves it out). A {@code readToken} is
 * checked here (400 if it is not one) and handed to every source. 200 with the failed
 * sections named while the account is there; 503 problem naming payment-service and the
 * reason when it is not.
 */
@RestController
class CustomerOverviewController {

	private final CustomerOverviewComposer composer;

	CustomerOverviewController(CustomerOverviewComposer composer) {
		this.composer = composer;
	}

	@GetMapping("/api/customers/{customerId}/overview")
	Mono<ResponseEntity<Object>> overview(@PathVariable String customerId,
			@RequestParam(name = "readToken", required = false) @Nullable String readToken) {
		UUID id;
		try {
			id = UUID.fromString(customerId);
		}
		catch (IllegalArgumentException ex) {
			return Mono.just(problem(HttpStatus.BAD_REQUEST, "Invalid request",
					"'" + customerId + "' is not a valid customer id (expected a UUID)"));
		}
		if (readToken != null && !ReadTokens.isWellFormed(readToken)) {
			return Mono.just(problem(HttpStatus.BAD_REQUEST, "Invalid request", ReadTokens.invalid(readToken)));
		}
		return this.composer.compose(id, readToken)
			.map((overview) -> ResponseEntity.ok().<Object>body(overview))
			.defaultIfEmpty(problem(HttpStatus.NOT_FOUND, "Not found", "Unknown customer " + id))
			.onErrorResume(OverviewUnavailableException.class, (ex) -> Mono.just(unavailable(ex)));
	}

	private static ResponseEntity<Object> unavailable(OverviewUnavailableException ex) {
		SourceFailure failure = ex.failure();
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, ex.getMessage());
		problem.setTitle((failure.reason() == SourceFailure.Reason.NOT_CURRENT) ? "View not current yet"
				: "Service unavailable");
		problem.setProperty("source", failure.source());
		problem.setProperty("reason", failure.reason());
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, "1")
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(problem);
	}

	private static ResponseEntity<Object> problem(HttpStatus status, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

}
