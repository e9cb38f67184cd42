package io.sagaref.gateway;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the backends live and how long the gateway waits for them, so a deployment can
 * move services and tune deadlines without code.
 *
 * @param orderService base URI of order-service (commands, order status)
 * @param paymentService base URI of payment-service (customer accounts)
 * @param inventoryService base URI of inventory-service (products, stock)
 * @param orderQueryService base URI of order-query-service (the read model)
 * @param notificationService base URI of notification-service (webhooks)
 * @param compositionTimeout deadline of each call made to compose the customer overview
 * @param responseTimeout deadline of a proxied request; longer than the 30s long-poll of
 * the order status
 * @param connectTimeout deadline to open a connection to a backend, kept short so a
 * backend that is down is reported quickly
 * @param legacyMonolith base URI of legacy-monolith (the old system's catalog reads,
 * strangled by weight or shadowed)
 */
@ConfigurationProperties("saga.gateway")
public record GatewayProperties(@DefaultValue("http://localhost:8081") URI orderService,
		@DefaultValue("http://localhost:8082") URI paymentService,
		@DefaultValue("http://localhost:8083") URI inventoryService,
		@DefaultValue("http://localhost:8084") URI orderQueryService,
		@DefaultValue("http://localhost:8085") URI notificationService, @DefaultValue("2s") Duration compositionTimeout,
		@DefaultValue("40s") Duration responseTimeout, @DefaultValue("2s") Duration connectTimeout,
		@DefaultValue("http://localhost:8086") URI legacyMonolith) {

	/**
	 * The base URI of one backend.
	 * @param backend the backend
	 * @return its base URI
	 */
	public URI uriOf(Backend backend) {
		return switch (backend) {
			case ORDER_SERVICE -> this.orderService;
			case PAYMENT_SERVICE -> this.paymentService;
			case INVENTORY_SERVICE -> this.inventoryService;
			case ORDER_QUERY_SERVICE -> this.orderQueryService;
			case LEGACY_MONOLITH -> this.legacyMonolith;
			case NOTIFICATION_SERVICE -> this.notificationService;
		};
	}

}
