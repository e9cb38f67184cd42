package io.sagaref.gateway.routing;

import java.util.List;

import io.sagaref.gateway.Backend;
import io.sagaref.gateway.GatewayProperties;

import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.Buildable;
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
 * published as {@code GET /api/admin/event-log/<service>}, query kept.
 */
@Configuration(proxyBeanMethods = false)
class PublicRoutes {

	/** Route metadata key naming the backend, used to name it in error answers. */
	static final String SERVICE_METADATA = "service";

	private static final PathPattern CUSTOMER_OVERVIEW = PathPatternParser.defaultInstance
		.parse("/api/customers/{id}/overview");

	private final GatewayProperties properties;

	PublicRoutes(GatewayProperties properties) {
		this.properties = properties;
	}

	/** The services that keep an event store and so serve an event log. */
	private static final List<Backend> EVENT_LOGS = List.of(Backend.ORDER_SERVICE, Backend.PAYMENT_SERVICE);

	@Bean
	RouteLocator publicApi(RouteLocatorBuilder builder) {
		RouteLocatorBuilder.Builder routes = builder.routes()
			// declared before order-views: the route first declared wins when both could
			// match
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
		return routes.build();
	}

	/** The overview is composed by the gateway itself, not proxied. */
	private static boolean isCustomerOverview(ServerWebExchange exchange) {
		ServerHttpRequest request = exchange.getRequest();
		return GET.equals(request.getMethod()) && CUSTOMER_OVERVIEW.matches(request.getPath().pathWithinApplication());
	}

	private Buildable<Route> to(Backend backend, UriSpec route) {
		return route.metadata(SERVICE_METADATA, backend.serviceName())
			.metadata(RESPONSE_TIMEOUT_ATTR, this.properties.responseTimeout().toMillis())
			.metadata(CONNECT_TIMEOUT_ATTR, Math.toIntExact(this.properties.connectTimeout().toMillis()))
			.uri(this.properties.uriOf(backend));
	}

}
