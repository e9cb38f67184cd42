package io.sagaref.order;

import java.net.URI;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.jspecify.annotations.Nullable;

/**
 * The facts an order records as its saga moves on; published on {@code orders.events}
 * with exactly these fields as payload (ids as UUID text, money as a number with two
 * decimals: the value objects say so with {@code @JsonValue}). Sealed, so consumers
 * switch exhaustively. They are the order's stream: its state is derived from them.
 */
public sealed interface OrderEvent {

	OrderId orderId();

	/**
	 * The order was accepted and priced; starts the saga. The request it answered is part
	 * of the fact but not of the published payload (it is nobody else's business): the
	 * order's stream keeps it beside the event, as metadata. The callback URL is
	 * published (null when there is none), so notification-service delivers the outcome
	 * to that endpoint only.
	 *
	 * @param orderId the order
	 * @param customerId who pays
	 * @param lines the priced lines
	 * @param total the sum of the lines
	 * @param requestKey the client's idempotency key and request fingerprint, if it sent
	 * a key
	 * @param callbackUrl where the client wants to hear of the outcome, if anywhere
	 */
	record OrderPlaced(OrderId orderId, CustomerId customerId, List<OrderLine> lines, Money total,
			@JsonIgnore @Nullable RequestKey requestKey, @Nullable URI callbackUrl) implements OrderEvent {

		public OrderPlaced {
			lines = List.copyOf(lines);
		}

		/**
		 * An order placed without an idempotency key or callback.
		 * @param orderId the order
		 * @param customerId who pays
		 * @param lines the priced lines
		 * @param total the sum of the lines
		 */
		public OrderPlaced(OrderId orderId, CustomerId customerId, List<OrderLine> lines, Money total) {
			this(orderId, customerId, lines, total, null, null);
		}

	}

	/**
	 * Payment and stock are both secured; the saga ended well.
	 *
	 * @param orderId the order
	 * @param customerId the customer
	 */
	record OrderConfirmed(OrderId orderId, CustomerId customerId) implements OrderEvent {
	}

	/**
	 * The saga ended without the order: participants undo what they hold.
	 *
	 * @param orderId the order
	 * @param customerId the customer
	 * @param reason why
	 */
	record OrderRejected(OrderId orderId, CustomerId customerId, RejectionReason reason) implements OrderEvent {
	}

	/**
	 * The customer cancelled: participants undo what they hold.
	 *
	 * @param orderId the order
	 * @param customerId the customer
	 * @param reason why
	 */
	record OrderCancelled(OrderId orderId, CustomerId customerId, CancellationReason reason) implements OrderEvent {
	}

}
