package io.sagaref.orderquery.web;

import java.time.Instant;
import java.util.UUID;

import io.sagaref.orderquery.application.SagaStep;
import org.jspecify.annotations.Nullable;

/**
 * A saga step as a stream sends it: the {@code data} of an SSE event, or a WebSocket text
 * frame.
 *
 * @param orderId the order
 * @param sequence the step's position among the order's steps, from 1
 * @param type the event type
 * @param status the order's status after the step ({@code PENDING} until a final one)
 * @param at when the producing service committed the event
 * @param detail a short human-readable detail, usually the reason
 */
record StepMessage(UUID orderId, long sequence, String type, @Nullable String status, Instant at,
		@Nullable String detail) {

	static StepMessage of(SagaStep step) {
		return new StepMessage(step.orderId().value(), step.sequence(), step.type(),
				(step.status() != null) ? step.status().name() : null, step.at(), step.detail());
	}

}
