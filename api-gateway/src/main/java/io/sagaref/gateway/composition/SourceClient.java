package io.sagaref.gateway.composition;

import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.netty.channel.ConnectTimeoutException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import io.sagaref.gateway.Backend;
import io.sagaref.gateway.composition.SourceFailure.Reason;
import io.sagaref.gateway.edge.RequestId;

import org.springframework.cloud.client.circuitbreaker.ReactiveCircuitBreaker;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.util.UriBuilder;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * A GET against one backend, through that backend's circuit breaker, that never fails:
 * whatever goes wrong becomes a {@link SourceReply.Outcome#FAILED failed} reply naming
 * the backend and the {@link Reason reason}. The breaker (Spring Cloud CircuitBreaker on
 * Resilience4j, one per backend, configured in {@code application.yml}) counts a call
 * past the per-source deadline as a failure; while it is open the backend is not called
 * at all and the answer is immediate. A 5xx or an unusable body counts as a failure for
 * the breaker; a 404 or a "not current yet" does not (the backend answered). A client's
 * {@code readToken} and the request's {@code X-Request-Id} are added to every call here,
 * so no source can be asked without them.
 */
final class SourceClient {

	private static final Logger log = LoggerFactory.getLogger(SourceClient.class);

	/**
	 * Reads money as the owning service wrote it: 100.50 stays 100.50, never a double.
	 */
	private static final JsonMapper JSON = JsonMapper.builder()
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.build();

	private static final String READ_TOKEN = "readToken";

	private final Backend backend;

	private final WebClient client;

	private final ReactiveCircuitBreaker breaker;

	private final Duration timeout;

	SourceClient(Backend backend, URI baseUri, HttpClient httpClient, ReactiveCircuitBreaker breaker,
			Duration timeout) {
		this.backend = backend;
		this.client = WebClient.builder()
			.baseUrl(baseUri.toString())
			.clientConnector(new ReactorClientHttpConnector(httpClient))
			.filter(forwardRequestId())
			.build();
		this.breaker = breaker;
		this.timeout = timeout;
	}

	/**
	 * @param uri the path and query of the call
	 * @param readToken the client's {@code readToken}, forwarded unchanged, or
	 * {@code null}
	 * @return the reply, never an error
	 */
	Mono<SourceReply> get(Function<UriBuilder, URI> uri, @Nullable String readToken) {
		Function<UriBuilder, URI> withToken = (readToken != null) ? uri.andThen(
				(built) -> UriComponentsBuilder.fromUri(built).queryParam(READ_TOKEN, readToken).build(true).toUri())
				: uri;
		Mono<SourceReply> call = this.client.get()
			.uri(withToken)
			.accept(MediaType.APPLICATION_JSON)
			.exchangeToMono((response) -> read(response, readToken != null))
			.timeout(this.timeout);
		return this.breaker.run(call, (ex) -> Mono.deferContextual((context) -> {
			SourceReply failed = failed(ex);
			RequestId.withMdc(RequestId.of(context).orElse(null),
					() -> log.warn("{} is unavailable for the customer overview: {} ({})", this.backend.serviceName(),
							failed.reason(), failed.detail()));
			return Mono.just(failed);
		}));
	}

	private Mono<SourceReply> read(ClientResponse response, boolean withReadToken) {
		String name = this.backend.serviceName();
		if (response.statusCode().is2xxSuccessful()) {
			return response.bodyToMono(String.class)
				.map((body) -> SourceReply.answered(this.backend, JSON.readTree(body)))
				.switchIfEmpty(Mono.error(() -> new SourceCallException(Reason.BAD_ANSWER,
						name + " answered " + response.statusCode().value() + " without a body")));
		}
		if (response.statusCode().isSameCodeAs(HttpStatus.NOT_FOUND)) {
			return response.releaseBody().thenReturn(SourceReply.notFound(this.backend));
		}
		if (withReadToken && response.statusCode().isSameCodeAs(HttpStatus.SERVICE_UNAVAILABLE)) {
			return response.releaseBody()
				.thenReturn(SourceReply.failed(this.backend, Reason.NOT_CURRENT,
						name + " does not include the write of the readToken yet"));
		}
		Reason reason = response.statusCode().is5xxServerError() ? Reason.ERROR_5XX : Reason.BAD_ANSWER;
		return response.releaseBody()
			.then(Mono.error(new SourceCallException(reason, name + " answered " + response.statusCode().value())));
	}

	private SourceReply failed(Throwable ex) {
		String name = this.backend.serviceName();
		if (ex instanceof SourceCallException call) {
			return SourceReply.failed(this.backend, call.reason(), call.getMessage());
		}
		if (ex instanceof CallNotPermittedException) {
			return SourceReply.failed(this.backend, Reason.CIRCUIT_OPEN,
					"the circuit breaker of " + name + " is open after repeated failures; it was not called");
		}
		if (causedBy(ex, ConnectException.class) || causedBy(ex, UnknownHostException.class)
				|| causedBy(ex, ConnectTimeoutException.class)) {
			return SourceReply.failed(this.backend, Reason.UNREACHABLE, name + " could not be reached");
		}
		if (causedBy(ex, TimeoutException.class)) {
			return SourceReply.failed(this.backend, Reason.TIMEOUT,
					name + " did not answer within " + this.timeout.toMillis() + "ms");
		}
		if (causedBy(ex, JacksonException.class)) {
			return SourceReply.failed(this.backend, Reason.BAD_ANSWER, name + " answered a body that is not JSON");
		}
		return SourceReply.failed(this.backend, Reason.BAD_ANSWER, name + " failed: " + ex.getClass().getSimpleName());
	}

	private static boolean causedBy(Throwable ex, Class<? extends Throwable> type) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return true;
			}
		}
		return false;
	}

	private static ExchangeFilterFunction forwardRequestId() {
		return (request,
				next) -> Mono.deferContextual((context) -> next.exchange(RequestId.of(context)
					.map((id) -> ClientRequest.from(request).header(RequestId.HEADER, id).build())
					.orElse(request)));
	}

}
