package io.sagaref.inventory.persistence;

import java.util.Collection;

/**
 * Row locks on products without loading them, as a repository fragment on plain JDBC.
 */
interface ProductRowLocks {

	void lockRows(Collection<String> skus);

}
