package io.sagaref.messaging.inbox;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Starts a service's {@link EventRouter} with the platform's wiring: the JSON mapper, the
 * inbox, the transaction manager, the service's name as the consumer, and, in a JPA
 * service, a flush and clear of the persistence context after each event. A listener
 * declares only its routes: {@code routers.builder().on(...).ignore(...).build()}.
 */
public final class EventRouters {

	private final JsonMapper json;

	private final Inbox inbox;

	private final TransactionTemplate tx;

	private final String consumer;

	private final Runnable afterEach;

	/**
	 * @param json the mapper events are read with
	 * @param inbox the inbox of this service
	 * @param transactions the transaction manager of this service's database
	 * @param consumer the consuming service's name
	 * @param afterEach run after each event's handler, inside the transaction
	 */
	public EventRouters(JsonMapper json, Inbox inbox, PlatformTransactionManager transactions, String consumer,
			Runnable afterEach) {
		this.json = json;
		this.inbox = inbox;
		this.tx = new TransactionTemplate(transactions);
		this.consumer = consumer;
		this.afterEach = afterEach;
	}

	/**
	 * @return a router builder with the platform's wiring, ready for routes
	 */
	public EventRouter.Builder builder() {
		return EventRouter.builder(this.json, this.inbox, this.tx, this.consumer).afterEach(this.afterEach);
	}

}
