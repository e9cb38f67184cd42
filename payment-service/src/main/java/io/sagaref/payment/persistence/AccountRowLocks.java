package io.sagaref.payment.persistence;

import java.util.Collection;

import io.sagaref.payment.CustomerId;

/**
 * Row locks on accounts without loading them, as a repository fragment on plain JDBC.
 */
interface AccountRowLocks {

	void lockRows(Collection<CustomerId> customerIds);

}
