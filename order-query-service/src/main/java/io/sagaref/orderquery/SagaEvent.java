package io.sagaref.orderquery;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * The saga's events, reduced to what the view reads, so the projection switches over them
 * exhaustively. Each type belongs to exactly one {@link Source}.
 */
public sealed interface SagaEvent {

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
			case OrderPlaced p -> p.lines().size() + " line(s), total " + p.total().toPlainString();
			case OrderConfirmed c -> null;
			case OrderRejected r -> r.reason();
			case OrderCancelled c -> c.reason();
			case PaymentCompleted c -> "amount " + c.amount().toPlainString();
			case PaymentDeclined d -> d.reason();
			case PaymentRefunded r -> r.reason();
			case StockReserved r -> null;
			case StockRejected r -> r.reason();
			case StockReleased r -> r.reason();
		};
	}

	record OrderPlaced(UUID customerId, List<Line> lines, BigDecimal total) implements SagaEvent {
		public OrderPlaced {
			Require.present(customerId, "customerId");
			lines = List.copyOf(Require.present(lines, "lines"));
			Require.present(total, "total");
		}
	}

	record OrderConfirmed(UUID customerId) implements SagaEvent {
		public OrderConfirmed {
			Require.present(customerId, "customerId");
		}
	}

	record OrderRejected(UUID customerId, String reason) implements SagaEvent {
		public OrderRejected {
			Require.present(customerId, "customerId");
			Require.present(reason, "reason");
		}
	}

	record OrderCancelled(UUID customerId, String reason) implements SagaEvent {
		public OrderCancelled {
			Require.present(customerId, "customerId");
			Require.present(reason, "reason");
		}
	}

	record PaymentCompleted(UUID customerId, BigDecimal amount) implements SagaEvent {
		public PaymentCompleted {
			Require.present(customerId, "customerId");
			Require.present(amount, "amount");
		}
	}

	record PaymentDeclined(UUID customerId, BigDecimal amount, String reason) implements SagaEvent {
		public PaymentDeclined {
			Require.present(customerId, "customerId");
			Require.present(amount, "amount");
			Require.present(reason, "reason");
		}
	}

	record PaymentRefunded(UUID customerId, BigDecimal amount, String reason) implements SagaEvent {
		public PaymentRefunded {
			Require.present(customerId, "customerId");
			Require.present(amount, "amount");
			Require.present(reason, "reason");
		}
	}

	record StockReserved() implements SagaEvent {
	}

	record StockRejected(String reason, List<Shortage> shortages) implements SagaEvent {
		public StockRejected {
			Require.present(reason, "reason");
			shortages = List.copyOf(Require.present(shortages, "shortages"));
		}
	}

	record StockReleased(String reason) implements SagaEvent {
		public StockReleased {
			Require.present(reason, "reason");
		}
	}

}
