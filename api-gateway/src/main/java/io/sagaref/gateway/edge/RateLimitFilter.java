package io.sagaref.gateway.edge;

import java.util.List;
import java.util.Map;

import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.ratelimit.KeyResolver;
import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.PathContainer;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Applies the per-client rate limit to every limited path before it is routed or composed
 * (so the composed overview counts too): the answer carries the {@code RateLimit-Policy}
 * and {@code RateLimit} headers whatever its status, and a client over its limit gets 429
 * problem+json with {@code Retry-After}, its request never reaching a backend.
 */
class RateLimitFilter implements WebFilter, Ordered {

	/** The route id the limiter is asked with: one policy for the whole public API. */
	static final String PUBLIC_API = "public-api";

	private final RateLimiter<?> limiter;

	private final KeyResolver clients;

	private final List<PathPattern> paths;

	private final RateLimitProperties limits;

	RateLimitFilter(RateLimiter<?> limiter, KeyResolver clients, RateLimitProperties limits) {
		this.limiter = limiter;
		this.clients = clients;
		this.limits = limits;
		this.paths = limits.paths().stream().map(PathPatternParser.defaultInstance::parse).toList();
	}

	/** After the request id and the plain-path check, before anything is routed. */
	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 2;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		PathContainer path = exchange.getRequest().getPath().pathWithinApplication();
		if (this.paths.stream().noneMatch((pattern) -> pattern.matches(path))) {
			return chain.filter(exchange);
		}
		return this.clients.resolve(exchange)
			.flatMap((client) -> this.limiter.isAllowed(PUBLIC_API, client))
			.flatMap((response) -> {
				Map<String, String> headers = response.getHeaders();
				exchange.getResponse().beforeCommit(() -> {
					headers.forEach((name, value) -> {
						if (!name.equals(HttpHeaders.RETRY_AFTER)) {
							exchange.getResponse().getHeaders().set(name, value);
						}
					});
					return Mono.empty();
				});
				return response.isAllowed() ? chain.filter(exchange) : Mono.error(tooMany(headers));
			});
	}

	private ErrorResponseException tooMany(Map<String, String> headers) {
		String retryAfter = headers.getOrDefault(HttpHeaders.RETRY_AFTER, "1");
		ErrorResponseException tooMany = new ErrorResponseException(HttpStatus.TOO_MANY_REQUESTS);
		tooMany.getHeaders().set(HttpHeaders.RETRY_AFTER, retryAfter);
		tooMany.setTitle("Too many requests");
		tooMany.setDetail("This client is over its limit of " + this.limits.capacity() + " requests ("
				+ this.limits.refillTokens() + " more every " + this.limits.refillPeriod().toSeconds() + "s); retry in "
				+ retryAfter + "s");
		return tooMany;
	}

}
