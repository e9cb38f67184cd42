package io.sagaref.inventory.application;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import io.sagaref.inventory.OrderId;
import io.sagaref.inventory.Reservation;
import io.sagaref.inventory.Reservations;
import io.sagaref.inventory.ReservedQuantity;

/**
 * {@link Reservations} in a map, for use-case tests.
 */
class InMemoryReservations implements Reservations {

	private final Map<OrderId, Reservation> reservations = new HashMap<>();

	@Override
	public Optional<Reservation> findById(OrderId orderId) {
		return Optional.ofNullable(this.reservations.get(orderId));
	}

	@Override
	public Optional<Reservation> lockByOrderId(OrderId orderId) {
		return findById(orderId);
	}

	@Override
	public List<ReservedQuantity> reservedQuantities() {
		Map<String, Long> held = new TreeMap<>();
		this.reservations.values()
			.stream()
			.filter(Reservation::holdsStock)
			.flatMap((reservation) -> reservation.lines().stream())
			.forEach((line) -> held.merge(line.sku(), (long) line.quantity(), Long::sum));
		return held.entrySet().stream().map((entry) -> new ReservedQuantity(entry.getKey(), entry.getValue())).toList();
	}

	@Override
	public Reservation save(Reservation reservation) {
		this.reservations.put(reservation.orderId(), reservation);
		return reservation;
	}

	Reservation get(OrderId orderId) {
		return findById(orderId).orElseThrow();
	}

	int count() {
		return this.reservations.size();
	}

}
