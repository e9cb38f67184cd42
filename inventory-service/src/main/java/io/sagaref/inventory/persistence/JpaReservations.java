package io.sagaref.inventory.persistence;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.sagaref.inventory.OrderId;
import io.sagaref.inventory.Reservation;
import io.sagaref.inventory.Reservations;
import io.sagaref.inventory.ReservedQuantity;
import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/**
 * {@link Reservations} on JPA. The entity's key is the UUID inside the {@link OrderId}:
 * the default methods unwrap it.
 */
interface JpaReservations extends Reservations, Repository<Reservation, UUID> {

	Optional<Reservation> findById(UUID orderId);

	@Override
	default Optional<Reservation> findById(OrderId orderId) {
		return findById(orderId.value());
	}

	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select r from Reservation r where r.orderId = :orderId")
	Optional<Reservation> lockByOrderId(UUID orderId);

	@Override
	default Optional<Reservation> lockByOrderId(OrderId orderId) {
		return lockByOrderId(orderId.value());
	}

	@Override
	@Query("""
			select new io.sagaref.inventory.ReservedQuantity(l.sku, sum(l.quantity)) from Reservation r join r.lines l
			where r.status = io.sagaref.inventory.ReservationStatus.RESERVED group by l.sku order by l.sku""")
	List<ReservedQuantity> reservedQuantities();

}
