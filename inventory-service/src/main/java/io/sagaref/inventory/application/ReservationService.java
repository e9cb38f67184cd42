package io.sagaref.inventory.application;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.sagaref.inventory.OrderId;
import io.sagaref.inventory.Product;
import io.sagaref.inventory.Products;
import io.sagaref.inventory.Reservation;
import io.sagaref.inventory.ReservationEvent.StockReleased;
import io.sagaref.inventory.ReservationLine;
import io.sagaref.inventory.Reservations;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The saga step of inventory (docs/architecture.md rules 3 and 6). Each use case is
 * idempotent by state: an event for a step already taken changes nothing.
 */
@Service
public class ReservationService {

	private final Reservations reservations;

	private final Products products;

	private final EventPublisher events;

	ReservationService(Reservations reservations, Products products, EventPublisher events) {
		this.reservations = reservations;
		this.products = products;
		this.events = events;
	}

	/**
	 * A payment completed: reserve every line, or none. Refuses the payment of an order
	 * already closed; ignores a payment already answered.
	 */
	@Transactional
	public void reserve(OrderId orderId, List<ReservationLine> lines) {
		var existing = this.reservations.lockByOrderId(orderId);
		if (existing.isPresent()) {
			Reservation reservation = existing.get();
			if (reservation.isClosed()) {
				reservation.rejectPaymentOfClosedOrder(lines);
				this.events.publish(reservation);
			}
			return;
		}
		List<ReservationLine> merged = ReservationLine.merge(lines);
		Reservation reservation = Reservation.reserve(orderId, merged, lock(merged));
		this.reservations.save(reservation);
		this.events.publish(reservation);
	}

	/**
	 * The order was cancelled or rejected: release what it holds, or remember it as
	 * closed if its payment has not arrived yet.
	 */
	@Transactional
	public void orderClosed(OrderId orderId, StockReleased.Reason reason) {
		var existing = this.reservations.lockByOrderId(orderId);
		if (existing.isEmpty()) {
			this.reservations.save(Reservation.closedBeforePayment(orderId));
			return;
		}
		Reservation reservation = existing.get();
		if (reservation.holdsStock()) {
			reservation.release(reason, lock(reservation.lines()));
			this.events.publish(reservation);
		}
	}

	/**
	 * Locks products, in sku order, until the transaction ends: for a consumer that is
	 * about to reserve from them in several events of one transaction.
	 * @param skus the products
	 */
	@Transactional
	public void lockStock(Collection<String> skus) {
		this.products.lockRows(skus);
	}

	private Map<String, Product> lock(List<ReservationLine> lines) {
		List<String> skus = lines.stream().map(ReservationLine::sku).toList();
		return this.products.lockAllBySku(skus).stream().collect(Collectors.toMap(Product::sku, Function.identity()));
	}

}
