package io.sagaref.orderquery;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.sagaref.orderquery.SagaEvent.OrderCancelled;
import io.sagaref.orderquery.SagaEvent.OrderConfirmed;
import io.sagaref.orderquery.SagaEvent.OrderPlaced;
import io.sagaref.orderquery.SagaEvent.OrderRejected;
import io.sagaref.orderquery.SagaEvent.PaymentCompleted;
import io.sagaref.orderquery.SagaEvent.PaymentDeclined;
import io.sagaref.orderquery.SagaEvent.PaymentRefunded;
import io.sagaref.orderquery.SagaEvent.StockRejected;
import io.sagaref.orderquery.SagaEvent.StockReleased;
import io.sagaref.orderquery.SagaEvent.StockReserved;
import org.jspecify.annotations.Nullable;

/**
 * The denormalized view of one order, folded from the events of all three services. It is
 * created by whichever event arrives first and filled in as the others arrive; an event
 * whose sequence is not above the last one applied from its source is stale and changes
 * nothing, so the result does not depend on how the topics interleave. Lines and
 * shortages are always shown with the view, hence stored with it.
 */
public class OrderView {

	private OrderId orderId;

	private @Nullable CustomerId customerId;

	private @Nullable OrderStatus status;

	private @Nullable Money total;

	private @Nullable String rejectionReason;

	private List<Line> lines = new ArrayList<>();

	private @Nullable PaymentOutcome payment;

	private @Nullable StockOutcome stock;

	private List<Shortage> shortages = new ArrayList<>();

	private @Nullable Instant placedAt;

	private @Nullable Instant updatedAt;

	private SourceSequences sequences = new SourceSequences();

	private long version;

	/**
	 * Starts an empty view, to be filled by {@link #apply(RecordedEvent)}.
	 * @param orderId the order
	 */
	public OrderView(OrderId orderId) {
		this.orderId = Require.present(orderId, "orderId");
	}

	/**
	 * Restores a stored view.
	 * @param state the stored columns
	 * @param lines its lines, in order
	 * @param shortages its shortages, in order
	 * @return the view as it was stored
	 */
	public static OrderView restore(Stored state, List<Line> lines, List<Shortage> shortages) {
		var view = new OrderView(state.orderId());
		view.customerId = state.customerId();
		view.status = state.status();
		view.total = state.total();
		view.rejectionReason = state.rejectionReason();
		view.lines.addAll(lines);
		view.payment = state.payment();
		view.stock = state.stock();
		view.shortages.addAll(shortages);
		view.placedAt = state.placedAt();
		view.updatedAt = state.updatedAt();
		view.sequences = state.sequences();
		view.version = state.version();
		return view;
	}

	/**
	 * @return an independent copy: applying events to it leaves this view as it is (a
	 * view shared with readers is never changed in place)
	 */
	public OrderView copy() {
		return restore(
				new Stored(this.orderId, this.customerId, this.status, this.total, this.rejectionReason, this.payment,
						this.stock, this.placedAt, this.updatedAt,
						new SourceSequences(this.sequences.last(Source.ORDER_SERVICE),
								this.sequences.last(Source.PAYMENT_SERVICE),
								this.sequences.last(Source.INVENTORY_SERVICE)),
						this.version),
				this.lines, this.shortages);
	}

	/**
	 * Folds one event into the view.
	 * @param recorded the event
	 * @return true if applied, false if stale or a repeat of one already applied
	 */
	public boolean apply(RecordedEvent recorded) {
		if (!recorded.orderId().equals(this.orderId)) {
			throw new IllegalArgumentException(
					"Event " + recorded.eventId() + " is about order " + recorded.orderId() + ", not " + this.orderId);
		}
		if (!this.sequences.advance(recorded.source(), recorded.sequence())) {
			return false;
		}
		switch (recorded.event()) {
			case OrderPlaced placed -> placed(placed, recorded.occurredAt());
			case OrderConfirmed confirmed -> status(OrderStatus.CONFIRMED, null, confirmed.customerId());
			case OrderRejected rejected -> status(OrderStatus.REJECTED, rejected.reason(), rejected.customerId());
			case OrderCancelled cancelled -> status(OrderStatus.CANCELLED, null, cancelled.customerId());
			case PaymentCompleted completed ->
				payment(new PaymentOutcome(PaymentStatus.COMPLETED, completed.amount(), null), completed.customerId());
			case PaymentDeclined declined ->
				payment(new PaymentOutcome(PaymentStatus.DECLINED, declined.amount(), declined.reason()),
						declined.customerId());
			case PaymentRefunded refunded ->
				payment(new PaymentOutcome(PaymentStatus.REFUNDED, refunded.amount(), refunded.reason()),
						refunded.customerId());
			case StockReserved reserved -> stock(new StockOutcome(StockStatus.RESERVED, null), List.of());
			case StockRejected rejected ->
				stock(new StockOutcome(StockStatus.REJECTED, rejected.reason()), rejected.shortages());
			case StockReleased released -> stock(new StockOutcome(StockStatus.RELEASED, released.reason()), List.of());
		}
		if (this.updatedAt == null || recorded.occurredAt().isAfter(this.updatedAt)) {
			this.updatedAt = recorded.occurredAt();
		}
		return true;
	}

	private void placed(OrderPlaced placed, Instant occurredAt) {
		status(OrderStatus.PENDING, null, placed.customerId());
		this.customerId = placed.customerId();
		this.lines.clear();
		this.lines.addAll(placed.lines());
		this.total = placed.total();
		this.placedAt = occurredAt;
	}

	private void status(OrderStatus status, @Nullable String rejectionReason, CustomerId customerId) {
		this.status = status;
		this.rejectionReason = rejectionReason;
		knowCustomer(customerId);
	}

	private void payment(PaymentOutcome payment, CustomerId customerId) {
		this.payment = payment;
		knowCustomer(customerId);
	}

	private void stock(StockOutcome stock, List<Shortage> shortages) {
		this.stock = stock;
		if (!this.shortages.equals(shortages)) {
			this.shortages.clear();
			this.shortages.addAll(shortages);
		}
	}

	private void knowCustomer(CustomerId customerId) {
		if (this.customerId == null) {
			this.customerId = customerId;
		}
	}

	public OrderId orderId() {
		return this.orderId;
	}

	public @Nullable CustomerId customerId() {
		return this.customerId;
	}

	/**
	 * @return the status, null until an event of order-service has arrived
	 */
	public @Nullable OrderStatus status() {
		return this.status;
	}

	public @Nullable Money total() {
		return this.total;
	}

	public @Nullable String rejectionReason() {
		return this.rejectionReason;
	}

	public List<Line> lines() {
		return List.copyOf(this.lines);
	}

	public @Nullable PaymentOutcome payment() {
		return this.payment;
	}

	public @Nullable StockOutcome stock() {
		return this.stock;
	}

	public List<Shortage> shortages() {
		return List.copyOf(this.shortages);
	}

	public @Nullable Instant placedAt() {
		return this.placedAt;
	}

	public @Nullable Instant updatedAt() {
		return this.updatedAt;
	}

	/**
	 * @param source a source
	 * @return the sequence of the last event applied from it, 0 if none
	 */
	public long lastSequence(Source source) {
		return this.sequences.last(source);
	}

	/**
	 * @return how many times the view had been stored when it was read: 0 for a new view
	 * (a store writes only over the version it read)
	 */
	public long version() {
		return this.version;
	}

	/**
	 * The columns of a stored view, as a store reads them.
	 *
	 * @param orderId the order
	 * @param customerId the customer, once known
	 * @param status the status, once order-service's first event arrived
	 * @param total the order's total
	 * @param rejectionReason why it was rejected
	 * @param payment the payment's outcome
	 * @param stock the reservation's outcome
	 * @param placedAt when the order was placed
	 * @param updatedAt when the newest applied event happened
	 * @param sequences the last sequence applied per source
	 * @param version how many times the view was stored
	 */
	public record Stored(OrderId orderId, @Nullable CustomerId customerId, @Nullable OrderStatus status,
			@Nullable Money total, @Nullable String rejectionReason, @Nullable PaymentOutcome payment,
			@Nullable StockOutcome stock, @Nullable Instant placedAt, @Nullable Instant updatedAt,
			SourceSequences sequences, long version) {
	}

}
