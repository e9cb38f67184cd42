package io.sagaref.gateway.composition;

import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import io.netty.channel.ChannelOption;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import tools.jackson.databind.JsonNode;

import io.sagaref.gateway.Backend;
import io.sagaref.gateway.GatewayProperties;
import io.sagaref.gateway.composition.SourceReply.Outcome;

import org.springframework.stereotype.Component;

/**
 * Joins the customer overview in memory. The account and the orders are asked for in
 * parallel; the availability of the products in open orders follows the orders. Every
 * call has its own deadline, and a source that fails only leaves its part empty. A
 * client's {@code readToken} goes to every call; a part whose source does not include the
 * client's write yet fails like any other, and if that part is the account, which the
 * overview cannot be without, the whole overview is not current.
 */
@Component
class CustomerOverviewComposer {

	private final SourceClient accounts;

	private final SourceClient orderViews;

	private final SourceClient products;

	CustomerOverviewComposer(GatewayProperties properties) {
		HttpClient http = HttpClient.create()
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, Math.toIntExact(properties.connectTimeout().toMillis()));
		this.accounts = client(Backend.PAYMENT_SERVICE, properties, http);
		this.orderViews = client(Backend.ORDER_QUERY_SERVICE, properties, http);
		this.products = client(Backend.INVENTORY_SERVICE, properties, http);
	}

	/**
	 * Composes the overview of one customer.
	 * @param customerId the customer
	 * @param readToken the client's well-formed {@code readToken}, or {@code null}
	 * @return the overview, empty if payment-service does not know the customer, an
	 * {@link OverviewNotCurrentException} if payment-service does not include the token's
	 * write yet
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
			return Mono.just(new OrdersPart(null, null, List.of(Backend.ORDER_QUERY_SERVICE)));
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
						: new OrdersPart(orders, null, List.of(Backend.INVENTORY_SERVICE));
			});
	}

	private static Mono<CustomerOverview> assemble(UUID customerId, SourceReply account, OrdersPart orders) {
		if (account.outcome() == Outcome.NOT_FOUND) {
			return Mono.empty();
		}
		if (account.outcome() == Outcome.NOT_CURRENT) {
			return Mono.error(new OverviewNotCurrentException(account.source()));
		}
		Stream<Backend> accountMissing = (account.outcome() == Outcome.ANSWERED) ? Stream.empty()
				: Stream.of(Backend.PAYMENT_SERVICE);
		List<String> unavailable = Stream.concat(accountMissing, orders.unavailable().stream())
			.map(Backend::serviceName)
			.toList();
		return Mono.just(new CustomerOverview(customerId, account.body(), orders.orders(), orders.availability(),
				!unavailable.isEmpty(), unavailable));
	}

	private static SourceClient client(Backend backend, GatewayProperties properties, HttpClient http) {
		return new SourceClient(backend, properties.uriOf(backend), http, properties.compositionTimeout());
	}

	private record OrdersPart(@Nullable List<JsonNode> orders, @Nullable List<ProductAvailability> availability,
			List<Backend> unavailable) {

	}

}
