package io.sagaref.eventstore.export;

import java.nio.charset.StandardCharsets;
import java.util.List;

import io.sagaref.eventstore.EventStore;
import io.sagaref.eventstore.LogPosition;
import io.sagaref.eventstore.StoredEvent;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The automated log: the service's events in commit order as CloudEvents, one per line,
 * for auditors and offline consumers. A client resumes with the {@value #NEXT} header of
 * the previous answer and never misses an event that committed late (see
 * {@link EventStore#readAll}). Internal: the gateway exposes it to operators only.
 */
@RestController
public class EventLogController {

	/** Response header: the position to resume after. */
	public static final String NEXT = "Event-Log-Next";

	static final int DEFAULT_LIMIT = 1000;

	static final int MAX_LIMIT = 10_000;

	private final EventStore store;

	private final CloudEvents cloudEvents;

	public EventLogController(EventStore store, CloudEvents cloudEvents) {
		this.store = store;
		this.cloudEvents = cloudEvents;
	}

	@GetMapping("/internal/event-log")
	ResponseEntity<byte[]> eventLog(@RequestParam(defaultValue = "0-0") String after,
			@RequestParam(defaultValue = "" + DEFAULT_LIMIT) int limit) {
		if (limit < 1 || limit > MAX_LIMIT) {
			throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ", was " + limit);
		}
		LogPosition from = LogPosition.parse(after);
		List<StoredEvent> events = this.store.readAll(from, limit);
		var body = new StringBuilder();
		for (StoredEvent event : events) {
			body.append(this.cloudEvents.line(event)).append('\n');
		}
		LogPosition next = events.isEmpty() ? from : events.get(events.size() - 1).position();
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(CloudEvents.NDJSON))
			.header(NEXT, next.toString())
			.body(body.toString().getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * A malformed position or limit is the client's mistake: 400 (the house handler
	 * answers {@link IllegalArgumentException} 422, a broken domain rule).
	 */
	@ExceptionHandler(IllegalArgumentException.class)
	ResponseEntity<ProblemDetail> badRequest(IllegalArgumentException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				String.valueOf(ex.getMessage()));
		problem.setTitle("Invalid event log request");
		return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

}
