package io.sagaref.inventory.persistence;

import java.util.Optional;
import java.util.UUID;

import io.sagaref.inventory.Reservation;
import io.sagaref.inventory.Reservations;
import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/**
 * {@link Reservations} on JPA.
 */
interface JpaReservations extends Reservations, Repository<Reservation, UUID> {

	@Override
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select r from Reservation r where r.orderId = :orderId")
	Optional<Reservation> lockByOrderId(UUID orderId);

}
