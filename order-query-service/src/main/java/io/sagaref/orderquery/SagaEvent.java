package io.sagaref.orderquery;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The saga's events, reduced to what the view reads, so the projection switches over them
 * exhaustively. Each type belongs to exactly one {@link Source}. The records are this
 * consumer's tolerant-reader copies of the contract: their components are named like the
 * payload's fields, so the listener reads a payload straight into its record and fields
 * the view does not need are left out.
 */
public sealed interface SagaEvent {

	/**
	 * @return the order (saga) the event is about
	 */
	OrderId orderId();

	/**
	 * @return the service that emits this type
	 */
	default Source source() {
		return switch (this) {
			case OrderPlaced p -> Source.ORDER_SERVICE;
			case OrderConfirmed c -> Source.ORDER_SERVICE;
			case OrderRejected r -> Source.ORDER_SERVICE;
			case OrderCancelled c -> Source.ORDER_SERVICE;
			case PaymentCompleted c -> Source.PAYMENT_SERVICE;
			case PaymentDeclined d -> Source.PAYMENT_SERVICE;
			case PaymentRefunded r -> Source.PAYMENT_SERVICE;
			case StockReserved r -> Source.INVENTORY_SERVICE;
			case StockRejected r -> Source.INVENTORY_SERVICE;
			case StockReleased r -> Source.INVENTORY_SERVICE;
		};
	}

	/**
	 * @return the event type as named on the wire
	 */
	default String type() {
		return getClass().getSimpleName();
	}

	/**
	 * @return a short human-readable detail for the timeline, usually the reason
	 */
	default @Nullable String detail() {
		return switch (this) {
			case OrderPlaced p -> p.lines().size() + " line(s), total " + p.total();
			case OrderConfirmed c -> null;
			case OrderRejected r -> r.reason();
			case OrderCancelled c -> c.reason();
			case PaymentCompleted c -> "amount " + c.amount();
			case PaymentDeclined d -> d.reason();
			case PaymentRefunded r -> r.reason();
			case StockReserved r -> null;
			case StockRejected r -> r.reason();
			case StockReleased r -> r.reason();
		};
	}

	/**
	 * @param type an event type as named on the wire
	 * @return the record of that type
	 * @throws IllegalArgumentException if the view reads no event of that type
	 */
	static Class<? extends SagaEvent> typeNamed(String type) {
		for (Class<?> permitted : SagaEvent.class.getPermittedSubclasses()) {
			if (permitted.getSimpleName().equals(type)) {
				return permitted.asSubclass(SagaEvent.class);
			}
		}
		throw new IllegalArgumentException("The view reads no event of type '" + type + "'");
	}

	record OrderPlaced(OrderId orderId, CustomerId customerId, List<Line> lines, Money total) implements SagaEvent {
		public OrderPlaced {
			Require.present(customerId, "customerId");
			lines = List.copyOf(Require.present(lines, "lines"));
			Require.present(total, "total");
			Require.present(orderId, "orderId");
		}
	}

	record OrderConfirmed(OrderId orderId, CustomerId customerId) implements SagaEvent {
		public OrderConfirmed {
			Require.present(customerId, "customerId");
			Require.present(orderId, "orderId");
		}
	}

	record OrderRejected(OrderId orderId, CustomerId customerId, String reason) implements SagaEvent {
		public OrderRejected {
			Require.present(customerId, "customerId");
			Require.present(reason, "reason");
			Require.present(orderId, "orderId");
		}
	}

	record OrderCancelled(OrderId orderId, CustomerId customerId, String reason) implements SagaEvent {
		public OrderCancelled {
			Require.present(customerId, "customerId");
			Require.present(reason, "reason");
			Require.present(orderId, "orderId");
		}
	}

	record PaymentCompleted(OrderId orderId, CustomerId customerId, Money amount) implements SagaEvent {
		public PaymentCompleted {
			Require.present(customerId, "customerId");
			Require.present(amount, "amount");
			Require.present(orderId, "orderId");
		}
	}

	record PaymentDeclined(OrderId orderId, CustomerId customerId, Money amount, String reason) implements SagaEvent {
		public PaymentDeclined {
			Require.present(customerId, "customerId");
			Require.present(amount, "amount");
			Require.present(reason, "reason");
			Require.present(orderId, "orderId");
		}
	}

	record PaymentRefunded(OrderId orderId, CustomerId customerId, Money amount, String reason) implements SagaEvent {
		public PaymentRefunded {
			Require.present(customerId, "customerId");
			Require.present(amount, "amount");
			Require.present(reason, "reason");
			Require.present(orderId, "orderId");
		}
	}

	record StockReserved(OrderId orderId) implements SagaEvent {
		public StockReserved {
			Require.present(orderId, "orderId");
		}
	}

	record StockRejected(OrderId orderId, String reason, List<Shortage> shortages) implements SagaEvent {
		public StockRejected {
			Require.present(reason, "reason");
			shortages = List.copyOf(Require.present(shortages, "shortages"));
			Require.present(orderId, "orderId");
		}
	}

	record StockReleased(OrderId orderId, String reason) implements SagaEvent {
		public StockReleased {
			Require.present(reason, "reason");
			Require.present(orderId, "orderId");
		}
	}

}
