package io.sagaref.gateway.routing;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.PathContainer.PathSegment;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Keeps the routes' promise that {@code /internal/**} is unreachable. The routes match
 * the path as sent and forward it as sent, but a backend may resolve it further: Tomcat
 * removes {@code ;} parameters and {@code ..} segments, so
 * {@code /api/customers/x/..;/..;/..;/internal/admin/rebuild-state} would match the
 * customers route here and run the internal rebuild there. No public path needs a
 * {@code .} or {@code ..} segment (plain or percent-encoded), a {@code ;} parameter or an
 * encoded {@code /} or {@code \}, so such a path is answered as what it is to the public:
 * no endpoint (404 problem), before any route is looked at.
 */
@Component
// right after the request id, so even this 404 carries one
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class PlainPathsOnly implements WebFilter {

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		if (!isPlain(exchange.getRequest().getPath().pathWithinApplication())) {
			return Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND));
		}
		return chain.filter(exchange);
	}

	private static boolean isPlain(PathContainer path) {
		for (PathContainer.Element element : path.elements()) {
			if (element instanceof PathSegment segment) {
				String value = segment.valueToMatch();
				if (value.equals(".") || value.equals("..") || value.contains("/") || value.contains("\\")
						|| !segment.parameters().isEmpty() || segment.value().contains(";")) {
					return false;
				}
			}
		}
		return true;
	}

}
