package io.sagaref.payment.persistence;

import java.util.Optional;
import java.util.UUID;

import io.sagaref.payment.Payment;
import io.sagaref.payment.Payments;
import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.repository.Repository;

/**
 * {@link Payments} on Spring Data JPA; the lock is a {@code select ... for update}.
 */
interface JpaPayments extends Repository<Payment, UUID>, Payments {

	@Override
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	Optional<Payment> findForUpdateByOrderId(UUID orderId);

}
