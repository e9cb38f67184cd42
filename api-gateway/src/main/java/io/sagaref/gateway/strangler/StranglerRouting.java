package io.sagaref.gateway.strangler;

import java.net.URI;
import java.util.concurrent.ThreadLocalRandom;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import io.sagaref.gateway.Backend;
import io.sagaref.gateway.GatewayProperties;
import io.sagaref.gateway.strangler.RouteSetting.Mode;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.NettyWriteResponseFilter;
import org.springframework.cloud.gateway.filter.RouteToRequestUrlFilter;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriComponentsBuilder;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_REQUEST_URL_ATTR;

/**
 * The two filters of a strangled route. The route itself points at the new side; per
 * request, {@link #choice(StrangledRoute)} draws the side from the route's live setting
 * (the weight is read on every request, which is why this is not Spring Cloud Gateway's
 * {@code Weight} predicate: its weights are fixed when the routes are built), counts it,
 * names it in {@value #SERVED_BY_HEADER} and, in shadow mode, mirrors the request to the
 * other side. {@link #target(StrangledRoute)} then sends a request drawn for the old
 * system to legacy-monolith instead.
 */
@Component
public class StranglerRouting {

	/** The response header naming the backend that answered. */
	public static final String SERVED_BY_HEADER = "X-Served-By";

	/** The exchange attribute holding the {@link Backend} drawn for the request. */
	public static final String SERVED_BY_ATTRIBUTE = StranglerRouting.class.getName() + ".servedBy";

	/**
	 * Before the filter that writes the backend's answer to the client, so that a copy of
	 * the answer can be taken on its way out.
	 */
	public static final int CHOICE_ORDER = NettyWriteResponseFilter.WRITE_RESPONSE_FILTER_ORDER - 1;

	/** Right after the filter that sets the request URL from the route's URI. */
	public static final int TARGET_ORDER = RouteToRequestUrlFilter.ROUTE_TO_URL_FILTER_ORDER + 1;

	private final StranglerSettings settings;

	private final ShadowMirror mirror;

	private final GatewayProperties backends;

	private final MeterRegistry meters;

	StranglerRouting(StranglerSettings settings, ShadowMirror mirror, GatewayProperties backends,
			MeterRegistry meters) {
		this.settings = settings;
		this.mirror = mirror;
		this.backends = backends;
		this.meters = meters;
	}

	/**
	 * @param route a strangled route
	 * @return the filter that draws the side per request, to run at {@link #CHOICE_ORDER}
	 */
	public GatewayFilter choice(StrangledRoute route) {
		Counter toLegacy = requests(route, "legacy");
		Counter toNew = requests(route, "new");
		return (exchange, chain) -> {
			RouteSetting setting = this.settings.get(route);
			boolean drawnNew = drawsNew(setting.newWeight());
			Backend servedBy = route.side(drawnNew);
			(drawnNew ? toNew : toLegacy).increment();
			exchange.getAttributes().put(SERVED_BY_ATTRIBUTE, servedBy);
			exchange.getResponse().beforeCommit(() -> {
				exchange.getResponse().getHeaders().set(SERVED_BY_HEADER, servedBy.serviceName());
				return Mono.empty();
			});
			if (setting.mode() != Mode.SHADOW) {
				return chain.filter(exchange);
			}
			return this.mirror.mirrored(route, exchange, drawnNew, chain);
		};
	}

	/**
	 * @param route a strangled route
	 * @return the filter that points a request drawn for the old system at it, to run at
	 * {@link #TARGET_ORDER}
	 */
	public GatewayFilter target(StrangledRoute route) {
		URI legacy = this.backends.uriOf(route.legacy());
		return (exchange, chain) -> {
			URI url = exchange.getAttribute(GATEWAY_REQUEST_URL_ATTR);
			if (url != null && exchange.getAttribute(SERVED_BY_ATTRIBUTE) == route.legacy()) {
				exchange.getAttributes().put(GATEWAY_REQUEST_URL_ATTR, rebased(url, legacy));
			}
			return chain.filter(exchange);
		};
	}

	/**
	 * @param request a request URL, encoded
	 * @param base another backend's base URI
	 * @return the same path and query at that backend
	 */
	static URI rebased(URI request, URI base) {
		return UriComponentsBuilder.fromUri(request)
			.scheme(base.getScheme())
			.host(base.getHost())
			.port(base.getPort())
			.build(true)
			.toUri();
	}

	/**
	 * @param exchange a request through a strangled route
	 * @return the backend drawn for it, or {@code null} on any other route
	 */
	public static @Nullable Backend servedBy(ServerWebExchange exchange) {
		return exchange.getAttribute(SERVED_BY_ATTRIBUTE);
	}

	private static boolean drawsNew(int newWeight) {
		return newWeight >= 100 || (newWeight > 0 && ThreadLocalRandom.current().nextInt(100) < newWeight);
	}

	private Counter requests(StrangledRoute route, String target) {
		return Counter.builder("gateway.strangler.requests")
			.description("Requests of a strangled route, by the side that answered them")
			.tag("route", route.routeName())
			.tag("target", target)
			.register(this.meters);
	}

}
