package io.sagaref.orderquery.application;

import java.time.Instant;

import io.sagaref.orderquery.CustomerId;
import io.sagaref.orderquery.OrderId;
import io.sagaref.orderquery.OrderStatus;
import io.sagaref.orderquery.OrderView;
import io.sagaref.orderquery.RecordedEvent;
import io.sagaref.orderquery.Source;
import org.jspecify.annotations.Nullable;

/**
 * One step of a saga as pushed to a stream: an event the read model applied to an order's
 * view, with the order's status right after it.
 * <p>
 * The step's {@code sequence} is the sum of the view's per-source sequences after the
 * event (order-service's, payment-service's and inventory-service's). Every applied event
 * raises exactly one of them, so the sequence grows with every step of the order, is the
 * same whether the step is pushed live or replayed from the stored timeline (which is
 * folded again in the order it was applied), and, since each source numbers an order's
 * events 1, 2, 3..., counts the order's steps: 1 for the first.
 *
 * @param orderId the order
 * @param customerId its customer, once order-service's OrderPlaced has been applied
 * @param sequence the step's position among the order's steps
 * @param type the event type
 * @param status the order's status after the step, if known yet
 * @param at when the producing service committed the event
 * @param detail a short human-readable detail, usually the reason
 */
public record SagaStep(OrderId orderId, @Nullable CustomerId customerId, long sequence, String type,
		@Nullable OrderStatus status, Instant at, @Nullable String detail) {

	/**
	 * @param view the order's view, right after the event was applied to it
	 * @param event the event
	 * @return the step
	 */
	static SagaStep after(OrderView view, RecordedEvent event) {
		long sequence = 0;
		for (Source source : Source.values()) {
			sequence += view.lastSequence(source);
		}
		return new SagaStep(view.orderId(), view.customerId(), sequence, event.event().type(), view.status(),
				event.occurredAt(), event.event().detail());
	}

	/**
	 * @return whether this is the order's last step: order-service announced a final
	 * status
	 */
	public boolean terminal() {
		return this.type.equals("OrderConfirmed") || this.type.equals("OrderRejected")
				|| this.type.equals("OrderCancelled");
	}

}
