package io.sagaref.gateway.strangler;

import java.net.URI;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Semaphore;

import io.netty.channel.ChannelOption;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

import io.sagaref.gateway.Backend;
import io.sagaref.gateway.GatewayProperties;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.http.HttpHeaders;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.server.ServerWebExchange;

/**
 * Shadow mode: the client's request goes to the side that was drawn as usual, and the
 * same request (method, path, query, headers) goes to the other side in the background.
 * Once both have answered, the two answers are compared and the comparison recorded
 * ({@link ShadowComparisons}). The client's answer never waits for the mirror and never
 * fails because of it: the mirror is subscribed apart from the client's exchange, has a
 * deadline of its own, and at most {@code shadowMaxInFlight} are under way at once.
 */
@Component
class ShadowMirror {

	/** Headers that belong to one connection and are not copied to the mirror. */
	private static final Set<String> NOT_MIRRORED = Set.of(HttpHeaders.HOST.toLowerCase(),
			HttpHeaders.CONTENT_LENGTH.toLowerCase(), HttpHeaders.CONNECTION.toLowerCase(),
			HttpHeaders.TRANSFER_ENCODING.toLowerCase(), "keep-alive", "upgrade");

	private final Map<Backend, WebClient> clients = new EnumMap<>(Backend.class);

	private final GatewayProperties backends;

	private final ShadowComparisons comparisons;

	private final Duration timeout;

	private final int maxComparedBody;

	private final Semaphore inFlight;

	ShadowMirror(GatewayProperties backends, StranglerProperties properties, ShadowComparisons comparisons) {
		this.backends = backends;
		this.comparisons = comparisons;
		this.timeout = properties.shadowTimeout();
		this.maxComparedBody = Math.toIntExact(properties.maxComparedBody().toBytes());
		this.inFlight = new Semaphore(properties.shadowMaxInFlight());
		HttpClient http = HttpClient.create()
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, Math.toIntExact(backends.connectTimeout().toMillis()));
		for (StrangledRoute route : StrangledRoute.values()) {
			for (Backend side : new Backend[] { route.legacy(), route.newSide() }) {
				this.clients.computeIfAbsent(side,
						(backend) -> WebClient.builder()
							.clientConnector(new ReactorClientHttpConnector(http))
							.codecs((codecs) -> codecs.defaultCodecs().maxInMemorySize(this.maxComparedBody))
							.build());
			}
		}
	}

	/**
	 * Serves the request from the side drawn and mirrors it to the other.
	 * @param route the route
	 * @param exchange the client's exchange
	 * @param drawnNew whether the new side answers the client
	 * @param chain the rest of the gateway's filters
	 * @return the client's exchange, completing when its answer is written
	 */
	Mono<Void> mirrored(StrangledRoute route, ServerWebExchange exchange, boolean drawnNew, GatewayFilterChain chain) {
		if (!this.inFlight.tryAcquire()) {
			this.comparisons.skipped(route, "too many mirrored requests under way");
			return chain.filter(exchange);
		}
		CapturedResponse response = new CapturedResponse(exchange.getResponse(), this.maxComparedBody);
		Backend shadow = route.side(!drawnNew);
		Mono<Answer> mirror = send(exchange.getRequest(), shadow);
		Mono<Answer> primary = response.answer();
		Mono<Answer> legacy = drawnNew ? mirror : primary;
		Mono<Answer> newer = drawnNew ? primary : mirror;
		String request = exchange.getRequest().getMethod() + " " + exchange.getRequest().getURI().getRawPath()
				+ ((exchange.getRequest().getURI().getRawQuery() != null)
						? "?" + exchange.getRequest().getURI().getRawQuery() : "");
		Mono.zip(legacy, newer)
			.map(Optional::of)
			.defaultIfEmpty(Optional.empty())
			.timeout(this.timeout)
			.doFinally((signal) -> this.inFlight.release())
			.subscribe(
					(answers) -> answers.ifPresentOrElse(
							(both) -> this.comparisons.compared(route, request, route.side(drawnNew), both.getT1(),
									both.getT2()),
							() -> this.comparisons.skipped(route, "the answer is larger than max-compared-body")),
					(failure) -> this.comparisons.failed(route, request, shadow, failure));
		return chain.filter(exchange.mutate().response(response).build()).doOnError(response::failed);
	}

	private Mono<Answer> send(ServerHttpRequest request, Backend shadow) {
		URI url = StranglerRouting.rebased(request.getURI(), this.backends.uriOf(shadow));
		return this.clients.get(shadow)
			.method(request.getMethod())
			.uri(url)
			.headers((headers) -> request.getHeaders().forEach((name, values) -> {
				if (!NOT_MIRRORED.contains(name.toLowerCase())) {
					headers.addAll(name, values);
				}
			}))
			.exchangeToMono((answer) -> answer.bodyToMono(byte[].class)
				.defaultIfEmpty(new byte[0])
				.map((body) -> new Answer(answer.statusCode().value(), body)));
	}

}
