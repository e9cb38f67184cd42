package io.sagaref.gateway.edge;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Gives every request its {@link RequestId} first of all: the request forwarded to a
 * backend carries it (a client's invalid one replaced), composition calls read it from
 * the Reactor context, and the answer carries it, error answers included (set when the
 * response is committed, after the error handler has written its headers).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestIdFilter implements WebFilter {

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		String id = RequestId.keepOrGenerate(exchange.getRequest().getHeaders().getFirst(RequestId.HEADER));
		ServerHttpRequest request = exchange.getRequest()
			.mutate()
			.headers((headers) -> headers.set(RequestId.HEADER, id))
			.build();
		ServerWebExchange withId = exchange.mutate().request(request).build();
		withId.getAttributes().put(RequestId.ATTRIBUTE, id);
		withId.getResponse().beforeCommit(() -> {
			withId.getResponse().getHeaders().set(RequestId.HEADER, id);
			return Mono.empty();
		});
		return chain.filter(withId).contextWrite((context) -> context.put(RequestId.ATTRIBUTE, id));
	}

}
