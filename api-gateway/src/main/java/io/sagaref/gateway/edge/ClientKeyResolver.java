package io.sagaref.gateway.edge;

import java.net.InetSocketAddress;
import java.util.regex.Pattern;

import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.ratelimit.KeyResolver;
import org.springframework.web.server.ServerWebExchange;

/**
 * Who a request comes from, for the rate limit, until the gateway knows principals: the
 * {@code X-Client-Id} header when it is well formed (up to 64 of {@code [A-Za-z0-9._-]}),
 * else the remote address. A client can name itself, so this protects the system from a
 * runaway client, not from a hostile one; once access tokens exist a {@link KeyResolver}
 * bean keyed on the token's subject replaces this one (it is only the default).
 */
public class ClientKeyResolver implements KeyResolver {

	/** The header a client may name itself with. */
	public static final String HEADER = "X-Client-Id";

	private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9._-]{1,64}");

	@Override
	public Mono<String> resolve(ServerWebExchange exchange) {
		String client = exchange.getRequest().getHeaders().getFirst(HEADER);
		if (client != null && WELL_FORMED.matcher(client).matches()) {
			return Mono.just("client:" + client);
		}
		InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
		return Mono.just("address:" + ((remote != null) ? remote.getAddress().getHostAddress() : "unknown"));
	}

}
