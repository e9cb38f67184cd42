package io.sagaref.inventory.persistence;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import io.sagaref.inventory.Product;
import io.sagaref.inventory.Products;
import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/**
 * {@link Products} on JPA: the locking reads are {@code select ... for update} in sku
 * order.
 */
interface JpaProducts extends Products, Repository<Product, String>, ProductRowLocks {

	@Override
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select p from Product p where p.sku = :sku")
	Optional<Product> lockBySku(String sku);

	@Override
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select p from Product p where p.sku in :skus order by p.sku")
	List<Product> lockAllBySku(Collection<String> skus);

}
