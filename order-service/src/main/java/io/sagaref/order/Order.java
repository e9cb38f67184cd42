package io.sagaref.order;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.sagaref.order.OrderEvent.OrderCancelled;
import io.sagaref.order.OrderEvent.OrderConfirmed;
import io.sagaref.order.OrderEvent.OrderPlaced;
import io.sagaref.order.OrderEvent.OrderRejected;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.jspecify.annotations.Nullable;

/**
 * An order and the end state of its saga. It starts PENDING and reaches exactly one
 * terminal status; every change is recorded as an {@link OrderEvent} numbered by the
 * order's own event sequence, to be published by the application layer.
 */
@Entity
@Table(name = "orders")
public class Order extends Aggregate<OrderEvent> {

	/** Most lines one order may have. */
	public static final int MAX_LINES = 100;

	/** Stored as a plain UUID: JPA converts no id attribute; {@link #id()} is typed. */
	@Id
	private UUID id;

	private CustomerId customerId;

	@Enumerated(EnumType.STRING)
	private OrderStatus status;

	@Enumerated(EnumType.STRING)
	private @Nullable RejectionReason rejectionReason;

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "order_line", joinColumns = @JoinColumn(name = "order_id"))
	@OrderColumn(name = "line_no")
	private List<OrderLine> lines = new ArrayList<>();

	private Money total;

	private @Nullable String idempotencyKey;

	private @Nullable String requestHash;

	private @Nullable String callbackUrl;

	private Instant placedAt;

	private Instant updatedAt;

	@Version
	private @Nullable Long version;

	protected Order() {
		// for JPA
	}

	private Order(OrderId id, CustomerId customerId, List<OrderLine> lines, @Nullable RequestKey requestKey,
			@Nullable URI callbackUrl, Instant now) {
		this.id = id.value();
		this.customerId = Objects.requireNonNull(customerId, "customerId");
		this.status = OrderStatus.PENDING;
		this.lines = new ArrayList<>(lines);
		this.total = lines.stream().map(OrderLine::amount).reduce(Money.ZERO, Money::plus);
		this.idempotencyKey = (requestKey != null) ? requestKey.key() : null;
		this.requestHash = (requestKey != null) ? requestKey.fingerprint() : null;
		this.callbackUrl = (callbackUrl != null) ? callbackUrl.toString() : null;
		this.placedAt = now;
		this.updatedAt = now;
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
		if (lines.isEmpty() || lines.size() > MAX_LINES) {
			throw new IllegalArgumentException("An order has 1 to " + MAX_LINES + " lines, not " + lines.size());
		}
		Set<String> skus = new HashSet<>();
		for (OrderLine line : lines) {
			if (!skus.add(line.sku())) {
				throw new IllegalArgumentException("Sku " + line.sku() + " appears in more than one line");
			}
		}
		Order order = new Order(id, customerId, lines, requestKey, callbackUrl, now);
		order.record(new OrderPlaced(id, customerId, order.lines, order.total));
		return order;
	}

	/**
	 * Ends the saga well (payment and stock secured); records OrderConfirmed.
	 * @param now the time of the change
	 * @throws IllegalStateException unless PENDING
	 */
	public void confirm(Instant now) {
		end(OrderStatus.CONFIRMED, now);
		record(new OrderConfirmed(id(), this.customerId));
	}

	/**
	 * Ends the saga without the order; records OrderRejected.
	 * @param reason why
	 * @param now the time of the change
	 * @throws IllegalStateException unless PENDING
	 */
	public void reject(RejectionReason reason, Instant now) {
		end(OrderStatus.REJECTED, now);
		this.rejectionReason = Objects.requireNonNull(reason, "reason");
		record(new OrderRejected(id(), this.customerId, reason));
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
		this.status = OrderStatus.CANCELLED;
		this.updatedAt = now;
		record(new OrderCancelled(id(), this.customerId, CancellationReason.CUSTOMER_REQUEST));
	}

	/**
	 * @param requestKey a key and fingerprint sent by a client
	 * @return true if this order was placed by the same request under the same key
	 */
	public boolean wasPlacedBy(RequestKey requestKey) {
		return requestKey.key().equals(this.idempotencyKey) && requestKey.fingerprint().equals(this.requestHash);
	}

	private void end(OrderStatus terminal, Instant now) {
		if (this.status != OrderStatus.PENDING) {
			throw new IllegalStateException("Order " + this.id + " is already " + this.status);
		}
		this.status = terminal;
		this.updatedAt = now;
	}

	@Override
	protected String aggregateId() {
		return this.id.toString();
	}

	public OrderId id() {
		return new OrderId(this.id);
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
		return List.copyOf(this.lines);
	}

	public Money total() {
		return this.total;
	}

	public Optional<String> idempotencyKey() {
		return Optional.ofNullable(this.idempotencyKey);
	}

	public Optional<URI> callbackUrl() {
		return Optional.ofNullable(this.callbackUrl).map(URI::create);
	}

	public Instant placedAt() {
		return this.placedAt;
	}

	public Instant updatedAt() {
		return this.updatedAt;
	}

	public long version() {
		return (this.version != null) ? this.version : 0;
	}

}
