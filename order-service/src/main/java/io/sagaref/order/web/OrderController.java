package io.sagaref.order.web;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.sagaref.order.Order;
import io.sagaref.order.OrderId;
import io.sagaref.order.OrderStatus;
import io.sagaref.order.application.CallbackUrls;
import io.sagaref.order.application.OrderService;
import io.sagaref.order.application.PlaceOrder;
import io.sagaref.order.application.SagaBacklogFullException;
import io.sagaref.order.application.StatusWatch;
import io.sagaref.web.ReadToken;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The public order API, asynchronous request-reply style: placing answers 202 with the
 * status resource, which answers 200 while the saga runs and 303 to the order once it
 * ended; and the order's history, its event stream. Every command answer carries a
 * {@value ReadToken#HEADER} naming the order's stream version after it; the queries here
 * read order-service's own store, which always includes its writes, so a given
 * {@code readToken} is checked and answered at once.
 */
@RestController
@RequestMapping("/api/orders")
class OrderController {

	/** The source of this service's read tokens. */
	static final String SOURCE = "order-service";

	private static final int MAX_KEY_LENGTH = 100;

	private static final int MAX_WAIT = 30;

	private static final String WAIT_RANGE = "waitSeconds must be between 0 and 30";

	static final String PREFER = "Prefer";

	static final String PREFERENCE_APPLIED = "Preference-Applied";

	private final OrderService orders;

	private final StatusWatch statusWatch;

	private final CallbackUrls callbackUrls;

	OrderController(OrderService orders, StatusWatch statusWatch, CallbackUrls callbackUrls) {
		this.orders = orders;
		this.statusWatch = statusWatch;
		this.callbackUrls = callbackUrls;
	}

	/**
	 * Places an order. The body is validated field by field (400 naming the fields); the
	 * optional Idempotency-Key header is checked here, as constraints on a parameter
	 * would turn the body's field errors into anonymous method-validation errors.
	 */
	@PostMapping
	ResponseEntity<OrderStatusResponse> place(@Valid @RequestBody PlaceOrderRequest request,
			@RequestHeader(name = "Idempotency-Key", required = false) @Nullable String idempotencyKey) {
		if (idempotencyKey != null && (idempotencyKey.isEmpty() || idempotencyKey.length() > MAX_KEY_LENGTH)) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
					"Idempotency-Key must have 1 to " + MAX_KEY_LENGTH + " characters");
		}
		PlaceOrder command = request.toCommand(idempotencyKey);
		this.callbackUrls.requireRegistered(command);
		Order order = this.orders.place(command);
		return ResponseEntity.accepted()
			.location(URI.create("/api/orders/" + order.id().value() + "/status"))
			.header(ReadToken.HEADER, readToken(order))
			.body(OrderStatusResponse.of(order));
	}

	/**
	 * The status resource. {@code ?waitSeconds=N} or {@code Prefer: wait=N} (RFC 7240,
	 * the same meaning; the parameter wins if both are given) waits up to N seconds for
	 * the saga to end; an honoured preference is answered with
	 * {@code Preference-Applied: wait=N}. A preference is a hint, so a malformed one is
	 * ignored and one above {@value #MAX_WAIT} s waits {@value #MAX_WAIT} s.
	 */
	@GetMapping("/{id}/status")
	ResponseEntity<OrderStatusResponse> status(@PathVariable UUID id,
			@RequestParam(required = false) @Min(value = 0, message = WAIT_RANGE) @Max(value = MAX_WAIT,
					message = WAIT_RANGE) @Nullable Integer waitSeconds,
			@RequestHeader(name = PREFER, required = false) @Nullable List<String> prefer,
			@RequestParam(name = ReadToken.PARAMETER, required = false) @Nullable String readToken) {
		ReadToken.check(readToken);
		OrderId orderId = new OrderId(id);
		Integer preferred = (waitSeconds == null) ? PreferWait.parse(prefer, MAX_WAIT) : null;
		int wait = (waitSeconds != null) ? waitSeconds : (preferred != null) ? preferred : 0;
		OrderStatus status = (wait == 0) ? this.orders.status(orderId)
				: this.statusWatch.awaitEnd(orderId, Duration.ofSeconds(wait));
		var body = new OrderStatusResponse(id, status);
		ResponseEntity.BodyBuilder answer = status.isTerminal()
				? ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create("/api/orders/" + id))
				: ResponseEntity.ok();
		answer.header(HttpHeaders.VARY, PREFER);
		if (preferred != null) {
			answer.header(PREFERENCE_APPLIED, "wait=" + preferred);
		}
		return answer.body(body);
	}

	@PostMapping("/{id}/cancel")
	ResponseEntity<OrderStatusResponse> cancel(@PathVariable UUID id) {
		Order order = this.orders.cancel(new OrderId(id));
		return ResponseEntity.accepted().header(ReadToken.HEADER, readToken(order)).body(OrderStatusResponse.of(order));
	}

	/**
	 * The order's event stream, oldest first, each event's data as it was published.
	 */
	@GetMapping("/{id}/events")
	List<EventResponse> events(@PathVariable UUID id,
			@RequestParam(name = ReadToken.PARAMETER, required = false) @Nullable String readToken) {
		ReadToken.check(readToken);
		return this.orders.history(new OrderId(id)).stream().map(EventResponse::of).toList();
	}

	private static String readToken(Order order) {
		return new ReadToken(SOURCE, order.id().toString(), order.version()).encode();
	}

	/**
	 * Overload refused at the door: 503 with Retry-After, and nothing was placed.
	 */
	@ExceptionHandler(SagaBacklogFullException.class)
	ResponseEntity<ProblemDetail> backlogFull(SagaBacklogFullException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, ex.getMessage());
		problem.setTitle("Too busy to take the order");
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, ex.retryAfter().toSeconds())))
			.body(problem);
	}

}
