package io.sagaref.messaging.deadletter;

import java.util.List;
import java.util.NoSuchElementException;

import org.apache.kafka.common.KafkaException;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The operator's view of this service's dead letters: list them with their cause, and
 * replay one to its original topic once the cause is fixed. Internal: the gateway does
 * not route it. Registered by the messaging configuration in servlet web applications.
 */
@RestController
@RequestMapping("/internal/dead-letters")
public class DeadLetterController {

	private final DeadLetters deadLetters;

	public DeadLetterController(DeadLetters deadLetters) {
		this.deadLetters = deadLetters;
	}

	@GetMapping
	List<DeadLetter> list(@RequestParam(defaultValue = "100") int limit) {
		if (limit < 1 || limit > 1000) {
			throw new IllegalArgumentException("limit must be between 1 and 1000, was " + limit);
		}
		return this.deadLetters.list(limit);
	}

	@PostMapping("/replay")
	ResponseEntity<Replayed> replay(@RequestParam String topic, @RequestParam int partition,
			@RequestParam long offset) {
		return ResponseEntity.accepted().body(this.deadLetters.replay(topic, partition, offset));
	}

	@ExceptionHandler(NoSuchElementException.class)
	ResponseEntity<ProblemDetail> notFound(NoSuchElementException ex) {
		return problem(HttpStatus.NOT_FOUND, "No such dead letter", ex.getMessage());
	}

	@ExceptionHandler(IllegalArgumentException.class)
	ResponseEntity<ProblemDetail> badRequest(IllegalArgumentException ex) {
		return problem(HttpStatus.BAD_REQUEST, "Invalid request", ex.getMessage());
	}

	@ExceptionHandler(KafkaException.class)
	ResponseEntity<ProblemDetail> kafkaUnavailable(KafkaException ex) {
		return problem(HttpStatus.SERVICE_UNAVAILABLE, "Kafka did not answer", ex.getMessage());
	}

	private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String title, @Nullable String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, (detail != null) ? detail : title);
		problem.setTitle(title);
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

}
