package io.sagaref.order;

import java.net.URI;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import io.sagaref.order.OrderEvent.OrderCancelled;
import io.sagaref.order.OrderEvent.OrderConfirmed;
import io.sagaref.order.OrderEvent.OrderPlaced;
import io.sagaref.order.OrderEvent.OrderRejected;
import org.jspecify.annotations.Nullable;

/**
 * An order and the end state of its saga, event-sourced: its state is what its
 * {@link OrderEvent}s say, applied in order, and a change checks the rules, then records
 * the event that says it. It starts PENDING and reaches exactly one terminal status.
 */
public class Order extends Aggregate<OrderEvent> {

	/** Most lines one order may have. */
	public static final int MAX_LINES = 100;

	// set by the first event (OrderPlaced), which every order's stream begins with
	private OrderId id;

	private CustomerId customerId;

	private OrderStatus status;

	private @Nullable RejectionReason rejectionReason;

	private List<OrderLine> lines;

	private Money total;

	private @Nullable RequestKey requestKey;

	private @Nullable URI callbackUrl;

	private Instant placedAt;

	private Instant updatedAt;

	private Order() {
		// applying OrderPlaced sets every field
	}

	/**
	 * Accepts a priced order; records OrderPlaced.
	 * @param id the new order's id
	 * @param customerId who pays
	 * @param lines 1 to {@value #MAX_LINES} lines, one per sku
	 * @param requestKey the client's idempotency key, if it sent one
	 * @param callbackUrl where the client wants to hear of the outcome, if anywhere
	 * @param now the time of placement
	 * @return the PENDING order
	 * @throws IllegalArgumentException if the lines break a rule
	 */
	public static Order place(OrderId id, CustomerId customerId, List<OrderLine> lines, @Nullable RequestKey requestKey,
			@Nullable URI callbackUrl, Instant now) {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(customerId, "customerId");
		if (lines.isEmpty() || lines.size() > MAX_LINES) {
			throw new IllegalArgumentException("An order has 1 to " + MAX_LINES + " lines, not " + lines.size());
		}
		Set<String> skus = new HashSet<>();
		for (OrderLine line : lines) {
			if (!skus.add(line.sku())) {
				throw new IllegalArgumentException("Sku " + line.sku() + " appears in more than one line");
			}
		}
		Order order = new Order();
		order.record(new OrderPlaced(id, customerId, lines, totalOf(lines), requestKey, callbackUrl), now);
		return order;
	}

	/**
	 * Folds one event of an order's stream into the state before it.
	 * @param state the order after the events before, null before the first
	 * @param event the next event
	 * @param streamVersion its version in the stream
	 * @param recordedAt when it was recorded
	 * @return the order after it
	 * @throws IllegalStateException if the stream does not begin with OrderPlaced or an
	 * event is missing
	 */
	public static Order fold(@Nullable Order state, OrderEvent event, long streamVersion, Instant recordedAt) {
		if (state == null && !(event instanceof OrderPlaced)) {
			throw new IllegalStateException("The stream of order " + event.orderId() + " begins with "
					+ event.getClass().getSimpleName() + ", not OrderPlaced");
		}
		Order order = (state != null) ? state : new Order();
		order.replay(event, streamVersion, recordedAt);
		return order;
	}

	/**
	 * The order as a snapshot of its stream holds it.
	 * @param placed the OrderPlaced it began with, request and callback included
	 * @param status its status
	 * @param rejectionReason why it was rejected, if it was
	 * @param placedAt when it was placed
	 * @param updatedAt when its last event was recorded
	 * @param version its stream version
	 * @return the order
	 */
	public static Order restore(OrderPlaced placed, OrderStatus status, @Nullable RejectionReason rejectionReason,
			Instant placedAt, Instant updatedAt, long version) {
		Order order = new Order();
		order.apply(placed, placedAt);
		order.status = Objects.requireNonNull(status, "status");
		order.rejectionReason = rejectionReason;
		order.updatedAt = updatedAt;
		order.restoredAt(version);
		return order;
	}

	/**
	 * Ends the saga well (payment and stock secured); records OrderConfirmed.
	 * @param now the time of the change
	 * @throws IllegalStateException unless PENDING
	 */
	public void confirm(Instant now) {
		requirePending();
		record(new OrderConfirmed(this.id, this.customerId), now);
	}

	/**
	 * Ends the saga without the order; records OrderRejected.
	 * @param reason why
	 * @param now the time of the change
	 * @throws IllegalStateException unless PENDING
	 */
	public void reject(RejectionReason reason, Instant now) {
		Objects.requireNonNull(reason, "reason");
		requirePending();
		record(new OrderRejected(this.id, this.customerId, reason), now);
	}

	/**
	 * Cancels at the customer's request a PENDING or CONFIRMED order; records
	 * OrderCancelled. Cancelling a cancelled order changes nothing, so a client may
	 * retry.
	 * @param now the time of the change
	 * @throws IllegalStateException if the order was rejected
	 */
	public void cancel(Instant now) {
		if (this.status == OrderStatus.CANCELLED) {
			return;
		}
		if (this.status == OrderStatus.REJECTED) {
			throw new IllegalStateException(
					"Order " + this.id + " was rejected (" + this.rejectionReason + ") and cannot be cancelled");
		}
		record(new OrderCancelled(this.id, this.customerId, CancellationReason.CUSTOMER_REQUEST), now);
	}

	/**
	 * @param requestKey a key and fingerprint sent by a client
	 * @return true if this order was placed by the same request under the same key
	 */
	public boolean wasPlacedBy(RequestKey requestKey) {
		return requestKey.equals(this.requestKey);
	}

	private void requirePending() {
		if (this.status != OrderStatus.PENDING) {
			throw new IllegalStateException("Order " + this.id + " is already " + this.status);
		}
	}

	@Override
	protected void apply(OrderEvent event, Instant at) {
		switch (event) {
			case OrderPlaced placed -> {
				this.id = placed.orderId();
				this.customerId = placed.customerId();
				this.status = OrderStatus.PENDING;
				this.lines = placed.lines();
				this.total = placed.total();
				this.requestKey = placed.requestKey();
				this.callbackUrl = placed.callbackUrl();
				this.placedAt = at;
			}
			case OrderConfirmed confirmed -> this.status = OrderStatus.CONFIRMED;
			case OrderRejected rejected -> {
				this.status = OrderStatus.REJECTED;
				this.rejectionReason = rejected.reason();
			}
			case OrderCancelled cancelled -> this.status = OrderStatus.CANCELLED;
		}
		this.updatedAt = at;
	}

	@Override
	protected void recordedAt(long streamVersion, Instant recordedAt) {
		if (streamVersion == 1) {
			this.placedAt = recordedAt;
		}
		this.updatedAt = recordedAt;
	}

	@Override
	protected String aggregateId() {
		return this.id.toString();
	}

	private static Money totalOf(List<OrderLine> lines) {
		return lines.stream().map(OrderLine::amount).reduce(Money.ZERO, Money::plus);
	}

	/**
	 * @return the OrderPlaced the order's stream began with, request and callback
	 * included: with its status, rejection reason, times and version, everything a
	 * snapshot needs to restore it
	 */
	public OrderPlaced placement() {
		return new OrderPlaced(this.id, this.customerId, this.lines, this.total, this.requestKey, this.callbackUrl);
	}

	public OrderId id() {
		return this.id;
	}

	public CustomerId customerId() {
		return this.customerId;
	}

	public OrderStatus status() {
		return this.status;
	}

	public boolean isPending() {
		return this.status == OrderStatus.PENDING;
	}

	public Optional<RejectionReason> rejectionReason() {
		return Optional.ofNullable(this.rejectionReason);
	}

	public List<OrderLine> lines() {
		return this.lines;
	}

	public Money total() {
		return this.total;
	}

	public Optional<RequestKey> requestKey() {
		return Optional.ofNullable(this.requestKey);
	}

	public Optional<String> idempotencyKey() {
		return requestKey().map(RequestKey::key);
	}

	public Optional<URI> callbackUrl() {
		return Optional.ofNullable(this.callbackUrl);
	}

	/**
	 * @return when it was placed: when its OrderPlaced was recorded
	 */
	public Instant placedAt() {
		return this.placedAt;
	}

	/**
	 * @return when its last event was recorded
	 */
	public Instant updatedAt() {
		return this.updatedAt;
	}

}
