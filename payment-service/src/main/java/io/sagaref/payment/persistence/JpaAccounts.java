package io.sagaref.payment.persistence;

import java.util.Optional;
import java.util.UUID;

import io.sagaref.payment.Account;
import io.sagaref.payment.Accounts;
import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/**
 * {@link Accounts} on Spring Data JPA; the lock is a {@code select ... for update}.
 */
interface JpaAccounts extends Repository<Account, UUID>, Accounts, AccountRowLocks {

	// spelled out rather than derived: a query string is translated once, a derived one
	// on
	// every call
	@Override
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select e from Account e where e.customerId = :customerId")
	Optional<Account> findForUpdateByCustomerId(UUID customerId);

}
