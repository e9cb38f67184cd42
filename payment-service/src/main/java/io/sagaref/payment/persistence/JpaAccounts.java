package io.sagaref.payment.persistence;

import java.util.Optional;
import java.util.UUID;

import io.sagaref.payment.Account;
import io.sagaref.payment.Accounts;
import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.repository.Repository;

/**
 * {@link Accounts} on Spring Data JPA; the lock is a {@code select ... for update}.
 */
interface JpaAccounts extends Repository<Account, UUID>, Accounts {

	@Override
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	Optional<Account> findForUpdateByCustomerId(UUID customerId);

}
