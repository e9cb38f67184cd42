package io.sagaref.payment.persistence;

import java.util.Optional;
import java.util.UUID;

import io.sagaref.payment.OrderId;
import io.sagaref.payment.Payment;
import io.sagaref.payment.Payments;
import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/**
 * {@link Payments} on Spring Data JPA; the lock is a {@code select ... for update}. The
 * entity's key is the UUID inside the {@link OrderId}: the default methods unwrap it.
 */
interface JpaPayments extends Repository<Payment, UUID>, Payments {

	boolean existsById(UUID orderId);

	@Override
	default boolean existsById(OrderId orderId) {
		return existsById(orderId.value());
	}

	// spelled out rather than derived: a query string is translated once, a derived one
	// on every call
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select e from Payment e where e.orderId = :orderId")
	Optional<Payment> findForUpdateByOrderId(UUID orderId);

	@Override
	default Optional<Payment> findForUpdateByOrderId(OrderId orderId) {
		return findForUpdateByOrderId(orderId.value());
	}

}
