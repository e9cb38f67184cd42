package io.sagaref.messaging.inbox;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.orm.jpa.EntityManagerFactoryUtils;
import org.springframework.util.ClassUtils;

/**
 * Writes what the transaction's JPA persistence context holds and empties it. Between the
 * events of a batch this keeps the context at the size of one event: otherwise every
 * query of the n-th event would first dirty-check the entities of the n-1 before it
 * (Hibernate's auto-flush), making a batch quadratic. The statements are the ones the
 * commit would have sent; nothing commits earlier.
 */
public final class PersistenceContextFlush implements Runnable {

	private final ObjectProvider<EntityManagerFactory> factories;

	private PersistenceContextFlush(ObjectProvider<EntityManagerFactory> factories) {
		this.factories = factories;
	}

	@Override
	public void run() {
		EntityManagerFactory factory = this.factories.getIfUnique();
		if (factory == null) {
			return;
		}
		EntityManager entityManager = EntityManagerFactoryUtils.getTransactionalEntityManager(factory);
		if (entityManager != null) {
			entityManager.flush();
			entityManager.clear();
		}
	}

	/**
	 * @param beans the application's beans
	 * @return the flush of the service's JPA persistence context, or nothing to do in a
	 * service without JPA
	 */
	public static Runnable of(BeanFactory beans) {
		ClassLoader loader = PersistenceContextFlush.class.getClassLoader();
		if (!ClassUtils.isPresent("jakarta.persistence.EntityManagerFactory", loader)
				|| !ClassUtils.isPresent("org.springframework.orm.jpa.EntityManagerFactoryUtils", loader)) {
			return () -> {
			};
		}
		return new PersistenceContextFlush(beans.getBeanProvider(EntityManagerFactory.class));
	}

}
