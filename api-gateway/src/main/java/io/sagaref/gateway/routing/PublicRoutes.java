package io.sagaref.gateway.routing;

import java.net.URI;
import java.util.List;

import io.sagaref.gateway.Backend;
import io.sagaref.gateway.GatewayProperties;
import io.sagaref.gateway.strangler.StrangledRoute;
import io.sagaref.gateway.strangler.StranglerRouting;

import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.BooleanSpec;
import org.springframework.cloud.gateway.route.builder.Buildable;
import org.springframework.cloud.gateway.route.builder.GatewayFilterSpec;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.cloud.gateway.route.builder.UriSpec;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import static org.springframework.cloud.gateway.support.RouteMetadataUtils.CONNECT_TIMEOUT_ATTR;
import static org.springframework.cloud.gateway.support.RouteMetadataUtils.RESPONSE_TIMEOUT_ATTR;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

/**
 * The public API, path by path. The services serve the same public paths, so requests
 * pass through unchanged (method, query, headers, body; status, headers and body back,
 * streamed). Anything not listed here, such as the services' {@code /internal/**}
 * endpoints, is not reachable from outside. The one exception is deliberate and narrow:
 * the event log of each event-sourced service ({@code GET /internal/event-log}) is
 * published as {@code GET /api/admin/event-log/<service>}, query kept. Each service's
 * OpenAPI document ({@code /v3/api-docs}, its public paths only) is published as
 * {@code /v3/api-docs/<service>}, listed by the gateway's Swagger UI.
 */
@Configuration(proxyBeanMethods = false)
class PublicRoutes {

	/** Route metadata key naming the backend, used to name it in error answers. */
	static final String SERVICE_METADATA = "service";

	private static final PathPattern CUSTOMER_OVERVIEW = PathPatternParser.defaultInstance
		.parse("/api/customers/{id}/overview");

	private final GatewayProperties properties;

	private final StranglerRouting strangler;

	PublicRoutes(GatewayProperties properties, StranglerRouting strangler) {
		this.properties = properties;
		this.strangler = strangler;
	}

	/** The services that keep an event store and so serve an event log. */
	private static final List<Backend> EVENT_LOGS = List.of(Backend.ORDER_SERVICE, Backend.PAYMENT_SERVICE);

	/**
	 * The services whose OpenAPI document is published (listed again in
	 * {@code springdoc.swagger-ui.urls}).
	 */
	private static final List<Backend> API_DOCS = List.of(Backend.ORDER_SERVICE, Backend.PAYMENT_SERVICE,
			Backend.INVENTORY_SERVICE, Backend.ORDER_QUERY_SERVICE);

	@Bean
	RouteLocator publicApi(RouteLocatorBuilder builder) {
		RouteLocatorBuilder.Builder routes = builder.routes()
			// declared before order-views: the route first declared wins when both could
			// match
			// push (SSE and WebSocket) from the read model; declared before "customers",
			// which would otherwise catch /api/customers/{id}/stream
			.route("order-stream",
					(r) -> toStream(Backend.ORDER_QUERY_SERVICE, r.method(GET).and().path("/api/orders/{id}/stream")))
			.route("customer-stream",
					(r) -> toStream(Backend.ORDER_QUERY_SERVICE,
							r.method(GET).and().path("/api/customers/{id}/stream")))
			.route("push-websocket", (r) -> toWebSocket(Backend.ORDER_QUERY_SERVICE, r.path("/ws")))
			.route("order-events",
					(r) -> to(Backend.ORDER_SERVICE, r.method(GET).and().path("/api/orders/{id}/events")))
			.route("order-commands",
					(r) -> to(Backend.ORDER_SERVICE,
							r.method(POST).and().path("/api/orders", "/api/orders/{id}/cancel")))
			.route("order-status",
					(r) -> to(Backend.ORDER_SERVICE, r.method(GET).and().path("/api/orders/{id}/status")))
			.route("order-views",
					(r) -> to(Backend.ORDER_QUERY_SERVICE, r.method(GET).and().path("/api/orders", "/api/orders/{id}")))
			// declared before customers, which catches /api/customers/**
			.route("webhooks",
					(r) -> to(Backend.NOTIFICATION_SERVICE,
							r.path("/api/customers/{id}/webhooks", "/api/customers/{id}/webhooks/**")))
			.route("customers",
					(r) -> to(Backend.PAYMENT_SERVICE,
							r.path("/api/customers", "/api/customers/**")
								.and()
								.predicate((exchange) -> !isCustomerOverview(exchange))))
			// the catalog reads are strangled: legacy-monolith or inventory-service by
			// the
			// live weight, or mirrored (docs/strangler.md); declared before "products",
			// which
			// keeps every write on inventory-service
			.route("products-reads",
					(r) -> strangled(StrangledRoute.PRODUCTS,
							r.method(GET).and().path("/api/products", "/api/products/{sku}")))
			.route("products", (r) -> to(Backend.INVENTORY_SERVICE, r.path("/api/products", "/api/products/**")))
			.route("read-model-rebuild",
					(r) -> to(Backend.ORDER_QUERY_SERVICE, r.method(POST).and().path("/api/admin/read-model/rebuild")))
			.route("read-model-rebuilds", (r) -> to(Backend.ORDER_QUERY_SERVICE,
					r.method(GET).and().path("/api/admin/read-model/rebuilds/{id}")));
		for (Backend service : EVENT_LOGS) {
			routes.route("event-log-" + service.serviceName(),
					(r) -> to(service,
							r.method(GET)
								.and()
								.path("/api/admin/event-log/" + service.serviceName())
								.filters((f) -> f.setPath("/internal/event-log"))));
		}
		for (Backend service : API_DOCS) {
			routes.route("api-docs-" + service.serviceName(),
					(r) -> to(service,
							r.method(GET)
								.and()
								.path("/v3/api-docs/" + service.serviceName())
								.filters((f) -> f.setPath("/v3/api-docs"))));
		}
		return routes.build();
	}

	/** The overview is composed by the gateway itself, not proxied. */
	private static boolean isCustomerOverview(ServerWebExchange exchange) {
		ServerHttpRequest request = exchange.getRequest();
		return GET.equals(request.getMethod()) && CUSTOMER_OVERVIEW.matches(request.getPath().pathWithinApplication());
	}

	/**
	 * A route whose backend is drawn per request between the old system and the new side;
	 * it points at the new side, and the strangler's filters send a request drawn for the
	 * old system there instead.
	 */
	private Buildable<Route> strangled(StrangledRoute strangled, BooleanSpec route) {
		return to(strangled.newSide(),
				route.filters((f) -> f.filter(this.strangler.choice(strangled), StranglerRouting.CHOICE_ORDER)
					.filter(this.strangler.target(strangled), StranglerRouting.TARGET_ORDER)));
	}

	/**
	 * A long-lived stream: no response timeout (a negative one disables the global one
	 * too), as a stream answers for as long as the client listens; the backend's
	 * heartbeats keep idle connections alive and find clients that went away.
	 */
	private Buildable<Route> toStream(Backend backend, UriSpec route) {
		return route.metadata(SERVICE_METADATA, backend.serviceName())
			.metadata(RESPONSE_TIMEOUT_ATTR, -1L)
			.metadata(CONNECT_TIMEOUT_ATTR, Math.toIntExact(this.properties.connectTimeout().toMillis()))
			.uri(this.properties.uriOf(backend));
	}

	/**
	 * A WebSocket, proxied as one ({@code ws://} to the backend): no response timeout.
	 */
	private Buildable<Route> toWebSocket(Backend backend, UriSpec route) {
		URI http = this.properties.uriOf(backend);
		URI ws = URI.create(("https".equals(http.getScheme()) ? "wss" : "ws")
				+ http.toString().substring(http.getScheme().length()));
		return route.metadata(SERVICE_METADATA, backend.serviceName())
			.metadata(RESPONSE_TIMEOUT_ATTR, -1L)
			.metadata(CONNECT_TIMEOUT_ATTR, Math.toIntExact(this.properties.connectTimeout().toMillis()))
			.uri(ws);
	}

	/**
	 * Every route: named backend, response and connect timeouts, and retries of
	 * idempotent requests ({@link IdempotentRetry}).
	 */
	private Buildable<Route> to(Backend backend, UriSpec route) {
		UriSpec retried = switch (route) {
			case GatewayFilterSpec filters -> filters.retry(IdempotentRetry::configure);
			case BooleanSpec predicates -> predicates.filters((f) -> f.retry(IdempotentRetry::configure));
			default -> throw new IllegalArgumentException("A route ends with its predicates or its filters");
		};
		return retried.metadata(SERVICE_METADATA, backend.serviceName())
			.metadata(RESPONSE_TIMEOUT_ATTR, this.properties.responseTimeout().toMillis())
			.metadata(CONNECT_TIMEOUT_ATTR, Math.toIntExact(this.properties.connectTimeout().toMillis()))
			.uri(this.properties.uriOf(backend));
	}

}
