package io.sagaref.payment.persistence;

import java.util.Optional;
import java.util.UUID;

import io.sagaref.payment.Account;
import io.sagaref.payment.Accounts;
import io.sagaref.payment.CustomerId;
import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/**
 * {@link Accounts} on Spring Data JPA; the lock is a {@code select ... for update}. The
 * entity's key is the UUID inside the {@link CustomerId}: the default methods unwrap it.
 */
interface JpaAccounts extends Repository<Account, UUID>, Accounts, AccountRowLocks {

	Optional<Account> findById(UUID customerId);

	@Override
	default Optional<Account> findById(CustomerId customerId) {
		return findById(customerId.value());
	}

	// spelled out rather than derived: a query string is translated once, a derived one
	// on every call
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select e from Account e where e.customerId = :customerId")
	Optional<Account> findForUpdateByCustomerId(UUID customerId);

	@Override
	default Optional<Account> findForUpdateByCustomerId(CustomerId customerId) {
		return findForUpdateByCustomerId(customerId.value());
	}

}
