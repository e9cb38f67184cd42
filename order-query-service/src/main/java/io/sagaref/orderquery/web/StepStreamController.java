package io.sagaref.orderquery.web;

import java.io.IOException;
import java.util.UUID;

import io.sagaref.orderquery.CustomerId;
import io.sagaref.orderquery.OrderId;
import io.sagaref.orderquery.application.SagaStep;
import io.sagaref.orderquery.application.StepFeed;
import io.sagaref.orderquery.application.StepFeed.StepId;
import io.sagaref.orderquery.application.StepFeed.StepSink;
import io.sagaref.orderquery.application.StepFeed.Subscription;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Server-Sent Events of saga steps: {@code GET /api/orders/{id}/stream} (one order,
 * closed after its terminal step) and {@code GET /api/customers/{id}/stream} (all of a
 * customer's orders, open until the client goes). Each step is one event: {@code id:} its
 * resumable id (the order's step sequence; {@code <orderId>:<sequence>} on a customer
 * stream), {@code event:} its type, {@code data:} a {@link StepMessage}. The stream is a
 * Servlet async response: no thread waits on it between steps.
 */
@RestController
class StepStreamController {

	static final String LAST_EVENT_ID = "Last-Event-ID";

	private final StepFeed feed;

	StepStreamController(StepFeed feed) {
		this.feed = feed;
	}

	@GetMapping(path = "/api/orders/{id}/stream")
	SseEmitter order(@PathVariable UUID id,
			@RequestHeader(name = LAST_EVENT_ID, required = false) @Nullable String last) {
		long after = orderPosition(last);
		var sink = new SseSink(false);
		Subscription subscription = this.feed.order(new OrderId(id), after, sink)
			.orElseThrow(() -> new ErrorResponseException(HttpStatus.NOT_FOUND, ProblemDetail
				.forStatusAndDetail(HttpStatus.NOT_FOUND, "The read model has no order " + id + " (yet)"), null));
		return sink.on(subscription);
	}

	@GetMapping(path = "/api/customers/{id}/stream")
	SseEmitter customer(@PathVariable UUID id,
			@RequestHeader(name = LAST_EVENT_ID, required = false) @Nullable String last) {
		StepId resume = null;
		if (last != null && !last.isBlank()) {
			resume = StepId.parse(last.trim())
				.orElseThrow(
						() -> new ErrorResponseException(HttpStatus.BAD_REQUEST,
								ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
										"Last-Event-ID '" + last
												+ "' is not an id of this stream: expected <orderId>:<sequence>"),
								null));
		}
		var sink = new SseSink(true);
		return sink.on(this.feed.customer(new CustomerId(id), resume, sink));
	}

	private static long orderPosition(@Nullable String last) {
		if (last == null || last.isBlank()) {
			return 0;
		}
		try {
			long after = Long.parseLong(last.trim());
			if (after >= 0) {
				return after;
			}
		}
		catch (NumberFormatException ex) {
			// answered below
		}
		throw new ErrorResponseException(HttpStatus.BAD_REQUEST, ProblemDetail.forStatusAndDetail(
				HttpStatus.BAD_REQUEST, "Last-Event-ID '" + last + "' is not a step sequence of this stream"), null);
	}

	/** Writes steps to an async SSE response. */
	private static final class SseSink implements StepSink {

		/** Never times out: heartbeats find a client that went away. */
		private final SseEmitter emitter = new SseEmitter(0L);

		private final boolean qualifiedIds;

		SseSink(boolean qualifiedIds) {
			this.qualifiedIds = qualifiedIds;
		}

		SseEmitter on(Subscription subscription) {
			this.emitter.onCompletion(subscription::cancel);
			this.emitter.onTimeout(subscription::cancel);
			this.emitter.onError((ex) -> subscription.cancel());
			return this.emitter;
		}

		@Override
		public void step(SagaStep step) throws IOException {
			String id = this.qualifiedIds ? new StepId(step.orderId(), step.sequence()).toString()
					: Long.toString(step.sequence());
			this.emitter.send(
					SseEmitter.event().id(id).name(step.type()).data(StepMessage.of(step), MediaType.APPLICATION_JSON));
		}

		@Override
		public void heartbeat() throws IOException {
			this.emitter.send(SseEmitter.event().comment("heartbeat"));
		}

		@Override
		public void complete() {
			this.emitter.complete();
		}

		@Override
		public void dropped(String reason) {
			try {
				this.emitter.send(SseEmitter.event().comment("dropped: " + reason));
			}
			catch (IOException | IllegalStateException ex) {
				// the client is gone anyway
			}
			this.emitter.complete();
		}

	}

}
