package io.sagaref.gateway.composition;

import java.net.URI;
import java.time.Duration;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import io.sagaref.gateway.Backend;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.util.UriBuilder;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * A GET against one backend with a deadline that never fails: whatever goes wrong
 * (refused connection, timeout, 5xx, unreadable body) becomes an
 * {@link SourceReply.Outcome#UNAVAILABLE unavailable} reply naming the backend. A
 * client's {@code readToken} is added to every call here, so no source can be asked
 * without it; a 503 to such a call is {@link SourceReply.Outcome#NOT_CURRENT not
 * current}.
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

	private final Duration timeout;

	SourceClient(Backend backend, URI baseUri, HttpClient httpClient, Duration timeout) {
		this.backend = backend;
		this.client = WebClient.builder()
			.baseUrl(baseUri.toString())
			.clientConnector(new ReactorClientHttpConnector(httpClient))
			.build();
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
		return this.client.get()
			.uri(withToken)
			.accept(MediaType.APPLICATION_JSON)
			.exchangeToMono((response) -> read(response, readToken != null))
			.timeout(this.timeout)
			.onErrorResume((ex) -> {
				log.warn("{} is unavailable for the customer overview: {}", this.backend.serviceName(), ex.toString());
				return Mono.just(SourceReply.unavailable(this.backend));
			});
	}

	private Mono<SourceReply> read(ClientResponse response, boolean withReadToken) {
		if (response.statusCode().is2xxSuccessful()) {
			return response.bodyToMono(String.class)
				.map((body) -> SourceReply.answered(this.backend, JSON.readTree(body)))
				.defaultIfEmpty(SourceReply.unavailable(this.backend));
		}
		if (response.statusCode().isSameCodeAs(HttpStatus.NOT_FOUND)) {
			return response.releaseBody().thenReturn(SourceReply.notFound(this.backend));
		}
		if (withReadToken && response.statusCode().isSameCodeAs(HttpStatus.SERVICE_UNAVAILABLE)) {
			log.info("{} does not include the client's write yet", this.backend.serviceName());
			return response.releaseBody().thenReturn(SourceReply.notCurrent(this.backend));
		}
		log.warn("{} answered {} to a composition call", this.backend.serviceName(), response.statusCode());
		return response.releaseBody().thenReturn(SourceReply.unavailable(this.backend));
	}

}
