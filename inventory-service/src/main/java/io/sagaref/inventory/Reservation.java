package io.sagaref.inventory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.sagaref.inventory.ReservationEvent.StockRejected;
import io.sagaref.inventory.ReservationEvent.StockReleased;
import io.sagaref.inventory.ReservationEvent.StockReserved;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

/**
 * What inventory did for one order. It is all or nothing: every line of a paid order is
 * reserved in one go, or none is; stock it holds is released at most once; and an order
 * closed before its payment arrived is remembered so that the payment is refused.
 */
@Entity
@Table(name = "reservation")
public class Reservation extends Aggregate<ReservationEvent> {

	/**
	 * Stored as a plain UUID: JPA converts no id attribute; {@link #orderId()} is typed.
	 */
	@Id
	@Column(name = "order_id")
	private UUID orderId;

	@Enumerated(EnumType.STRING)
	private ReservationStatus status;

	@ElementCollection
	@CollectionTable(name = "reservation_line", joinColumns = @JoinColumn(name = "order_id"))
	@OrderBy("sku")
	private List<ReservationLine> lines = new ArrayList<>();

	protected Reservation() {
		this.orderId = new UUID(0, 0);
		this.status = ReservationStatus.CLOSED;
	}

	private Reservation(OrderId orderId, ReservationStatus status, List<ReservationLine> lines) {
		this.orderId = orderId.value();
		this.status = status;
		this.lines = new ArrayList<>(lines);
	}

	/**
	 * Tries to reserve every line of a paid order from products locked by the caller.
	 * @param orderId the order
	 * @param requested the order's lines; a product named twice is asked for once, summed
	 * @param products the locked products by sku; a missing sku is an unknown product
	 * @return a RESERVED reservation with {@link StockReserved} recorded, or a REJECTED
	 * one with {@link StockRejected} (OUT_OF_STOCK) naming every short line
	 */
	public static Reservation reserve(OrderId orderId, List<ReservationLine> requested, Map<String, Product> products) {
		List<ReservationLine> lines = ReservationLine.merge(requested);
		List<Shortage> shortages = new ArrayList<>();
		for (ReservationLine line : lines) {
			Product product = products.get(line.sku());
			if (product == null || !product.canSupply(line.quantity())) {
				shortages.add(new Shortage(line.sku(), line.quantity(), (product != null) ? product.available() : 0));
			}
		}
		if (!shortages.isEmpty()) {
			var rejected = new Reservation(orderId, ReservationStatus.REJECTED, lines);
			rejected.record(new StockRejected(orderId, StockRejected.Reason.OUT_OF_STOCK, List.copyOf(shortages)));
			return rejected;
		}
		lines.forEach((line) -> products.get(line.sku()).reserve(line.quantity()));
		var reserved = new Reservation(orderId, ReservationStatus.RESERVED, lines);
		reserved.record(new StockReserved(orderId, lines));
		return reserved;
	}

	/**
	 * Remembers an order that was closed before inventory saw its payment.
	 * @param orderId the order
	 * @return a CLOSED marker, with no event
	 */
	public static Reservation closedBeforePayment(OrderId orderId) {
		return new Reservation(orderId, ReservationStatus.CLOSED, List.of());
	}

	/**
	 * Refuses the payment of an order that was closed before it arrived; the payment
	 * service refunds it.
	 * @param requested the lines the payment asked for
	 */
	public void rejectPaymentOfClosedOrder(List<ReservationLine> requested) {
		if (this.status != ReservationStatus.CLOSED) {
			throw new IllegalStateException("Order " + this.orderId + " is " + this.status + ", not closed");
		}
		this.status = ReservationStatus.REJECTED;
		this.lines = new ArrayList<>(ReservationLine.merge(requested));
		record(new StockRejected(orderId(), StockRejected.Reason.ORDER_CLOSED, List.of()));
	}

	/**
	 * Gives the held stock back to the products, locked by the caller.
	 * @param reason why the order was closed
	 * @param products the locked products of {@link #lines()} by sku
	 */
	public void release(StockReleased.Reason reason, Map<String, Product> products) {
		if (!holdsStock()) {
			throw new IllegalStateException("Order " + this.orderId + " is " + this.status + " and holds no stock");
		}
		for (ReservationLine line : this.lines) {
			Product product = products.get(line.sku());
			if (product == null) {
				throw new IllegalStateException("Product " + line.sku() + " held by " + this.orderId + " is missing");
			}
			product.release(line.quantity());
		}
		this.status = ReservationStatus.RELEASED;
		record(new StockReleased(orderId(), List.copyOf(this.lines), reason));
	}

	public boolean holdsStock() {
		return this.status == ReservationStatus.RESERVED;
	}

	public boolean isClosed() {
		return this.status == ReservationStatus.CLOSED;
	}

	@Override
	protected String aggregateId() {
		return this.orderId.toString();
	}

	public OrderId orderId() {
		return new OrderId(this.orderId);
	}

	public ReservationStatus status() {
		return this.status;
	}

	public List<ReservationLine> lines() {
		return List.copyOf(this.lines);
	}

}
