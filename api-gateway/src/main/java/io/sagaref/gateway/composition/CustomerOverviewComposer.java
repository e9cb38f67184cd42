package io.sagaref.gateway.composition;

import java.util.List;
import java.util.UUID;

import io.netty.channel.ChannelOption;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import tools.jackson.databind.JsonNode;

import io.sagaref.gateway.Backend;
import io.sagaref.gateway.GatewayProperties;
import io.sagaref.gateway.composition.SourceReply.Outcome;

import org.springframework.cloud.client.circuitbreaker.ReactiveCircuitBreakerFactory;
import org.springframework.stereotype.Component;

/**
 * Joins the customer overview in memory. The account and the orders are asked for in
 * parallel; the availability of the products in open orders follows the orders. Every
 * source has its own deadline and its own circuit breaker (named after the service), and
 * a source that fails only leaves its part empty, with the reason. The account is the
 * root: if payment-service fails the overview fails (503). A client's {@code readToken}
 * goes to every call; a part whose source does not include the client's write yet fails
 * like any other.
 */
@Component
class CustomerOverviewComposer {

	static final String ACCOUNT = "account";

	static final String ORDERS = "orders";

	static final String AVAILABILITY = "availability";

	private final SourceClient accounts;

	private final SourceClient orderViews;

	private final SourceClient products;

	CustomerOverviewComposer(GatewayProperties properties, ReactiveCircuitBreakerFactory<?, ?> breakers) {
		HttpClient http = HttpClient.create()
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, Math.toIntExact(properties.connectTimeout().toMillis()));
		this.accounts = client(Backend.PAYMENT_SERVICE, properties, http, breakers);
		this.orderViews = client(Backend.ORDER_QUERY_SERVICE, properties, http, breakers);
		this.products = client(Backend.INVENTORY_SERVICE, properties, http, breakers);
	}

	/**
	 * Composes the overview of one customer.
	 * @param customerId the customer
	 * @param readToken the client's well-formed {@code readToken}, or {@code null}
	 * @return the overview, empty if payment-service does not know the customer, an
	 * {@link OverviewUnavailableException} if payment-service failed
	 */
	Mono<CustomerOverview> compose(UUID customerId, @Nullable String readToken) {
		Mono<SourceReply> account = this.accounts.get((uri) -> uri.path("/api/customers/{id}").build(customerId),
				readToken);
		Mono<OrdersPart> orders = this.orderViews
			.get((uri) -> uri.path("/api/orders").queryParam("customerId", customerId).queryParam("size", 100).build(),
					readToken)
			.flatMap((reply) -> withAvailability(reply, readToken));
		return Mono.zip(account, orders).flatMap((both) -> assemble(customerId, both.getT1(), both.getT2()));
	}

	private Mono<OrdersPart> withAvailability(SourceReply reply, @Nullable String readToken) {
		List<JsonNode> orders = JsonItems.of(reply.body());
		if (orders == null) {
			return Mono.just(new OrdersPart(null, null, List.of(unusable(reply).failure(ORDERS))));
		}
		List<String> skus = OpenOrders.skus(orders);
		if (skus.isEmpty()) {
			return Mono.just(new OrdersPart(orders, List.of(), List.of()));
		}
		return this.products
			.get((uri) -> uri.path("/api/products").queryParam("sku", skus.toArray()).build(), readToken)
			.map((stock) -> {
				List<JsonNode> items = JsonItems.of(stock.body());
				return (items != null)
						? new OrdersPart(orders, items.stream().map(ProductAvailability::from).toList(), List.of())
						: new OrdersPart(orders, null, List.of(unusable(stock).failure(AVAILABILITY)));
			});
	}

	private static Mono<CustomerOverview> assemble(UUID customerId, SourceReply account, OrdersPart orders) {
		if (account.outcome() == Outcome.NOT_FOUND) {
			return Mono.empty();
		}
		JsonNode body = account.body();
		if (account.outcome() == Outcome.FAILED || body == null) {
			return Mono.error(new OverviewUnavailableException(unusable(account).failure(ACCOUNT)));
		}
		List<SourceFailure> failures = orders.failures();
		List<String> unavailable = failures.stream().map(SourceFailure::source).toList();
		return Mono.just(new CustomerOverview(customerId, body, orders.orders(), orders.availability(),
				!failures.isEmpty(), unavailable, failures));
	}

	/** A reply that answered but not with what was asked for is a bad answer. */
	private static SourceReply unusable(SourceReply reply) {
		return (reply.outcome() == Outcome.FAILED) ? reply
				: SourceReply.failed(reply.source(), SourceFailure.Reason.BAD_ANSWER,
						reply.source().serviceName() + " did not answer with "
								+ ((reply.outcome() == Outcome.NOT_FOUND) ? "anything (404)" : "the expected JSON"));
	}

	private static SourceClient client(Backend backend, GatewayProperties properties, HttpClient http,
			ReactiveCircuitBreakerFactory<?, ?> breakers) {
		return new SourceClient(backend, properties.uriOf(backend), http, breakers.create(backend.serviceName()),
				properties.compositionTimeout());
	}

	private record OrdersPart(@Nullable List<JsonNode> orders, @Nullable List<ProductAvailability> availability,
			List<SourceFailure> failures) {

	}

}
