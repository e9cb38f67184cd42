package io.sagaref.orderquery.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.sagaref.orderquery.CustomerId;
import io.sagaref.orderquery.Line;
import io.sagaref.orderquery.Money;
import io.sagaref.orderquery.OrderStatus;
import io.sagaref.orderquery.OrderView;
import io.sagaref.orderquery.PaymentOutcome;
import io.sagaref.orderquery.PaymentStatus;
import io.sagaref.orderquery.Shortage;
import io.sagaref.orderquery.StockOutcome;
import io.sagaref.orderquery.StockStatus;
import io.sagaref.orderquery.TimelineEntry;
import org.jspecify.annotations.Nullable;

/**
 * An order view as JSON. {@code status} is null until order-service's first event has
 * arrived, {@code payment} and {@code stock} until the first event of their service; the
 * timeline is left out of lists. Ids are UUIDs and amounts plain numbers with two
 * decimals, mapped here from the domain's value types.
 */
record OrderViewResponse(UUID orderId, @Nullable UUID customerId, @Nullable OrderStatus status, List<PricedLine> lines,
		@Nullable BigDecimal total, @Nullable String rejectionReason, @Nullable Payment payment, @Nullable Stock stock,
		@JsonInclude(JsonInclude.Include.NON_NULL) @Nullable List<Event> timeline, @Nullable Instant placedAt,
		@Nullable Instant updatedAt) {

	static OrderViewResponse of(OrderView view, @Nullable List<TimelineEntry> timeline) {
		CustomerId customerId = view.customerId();
		Money total = view.total();
		PaymentOutcome payment = view.payment();
		StockOutcome stock = view.stock();
		return new OrderViewResponse(view.orderId().value(), (customerId != null) ? customerId.value() : null,
				view.status(), view.lines().stream().map(PricedLine::of).toList(),
				(total != null) ? total.amount() : null, view.rejectionReason(),
				(payment != null) ? new Payment(payment.status(), payment.amount().amount(), payment.reason()) : null,
				(stock != null) ? new Stock(stock.status(), stock.reason(), view.shortages()) : null,
				(timeline != null) ? timeline.stream().map(Event::of).toList() : null, view.placedAt(),
				view.updatedAt());
	}

	record PricedLine(String sku, int quantity, BigDecimal unitPrice) {

		static PricedLine of(Line line) {
			return new PricedLine(line.sku(), line.quantity(), line.unitPrice().amount());
		}

	}

	record Payment(PaymentStatus status, BigDecimal amount, @Nullable String reason) {
	}

	record Stock(StockStatus status, @Nullable String reason, List<Shortage> shortages) {
	}

	record Event(Instant at, String source, String type, @Nullable String detail) {

		static Event of(TimelineEntry entry) {
			return new Event(entry.at(), entry.source(), entry.type(), entry.detail());
		}

	}

}
