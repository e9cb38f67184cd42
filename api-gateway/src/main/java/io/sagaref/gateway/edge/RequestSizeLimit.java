package io.sagaref.gateway.edge;

import java.util.concurrent.atomic.AtomicLong;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Refuses a request body over {@link RequestSizeProperties#max()} with 413 problem+json:
 * at once when its {@code Content-Length} says so, and while it is read when it is sent
 * chunked (the count stops the stream, before the backend has answered). Spring Cloud
 * Gateway's own RequestSize filter answers 413 without a body and only looks at
 * {@code Content-Length}, so the gateway has its own.
 */
@Component
class RequestSizeLimit implements WebFilter, Ordered {

	private final long max;

	RequestSizeLimit(RequestSizeProperties properties) {
		this.max = properties.max().toBytes();
	}

	/** After the rate limit: a refused client's body is not even looked at. */
	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 3;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		long declared = exchange.getRequest().getHeaders().getContentLength();
		if (declared > this.max) {
			return Mono.error(tooLarge("of " + declared + " bytes "));
		}
		ServerHttpRequest counted = new ServerHttpRequestDecorator(exchange.getRequest()) {

			@Override
			public Flux<DataBuffer> getBody() {
				AtomicLong read = new AtomicLong();
				return super.getBody().handle((buffer, sink) -> {
					if (read.addAndGet(buffer.readableByteCount()) > RequestSizeLimit.this.max) {
						DataBufferUtils.release(buffer);
						sink.error(tooLarge(""));
					}
					else {
						sink.next(buffer);
					}
				});
			}

		};
		return chain.filter(exchange.mutate().request(counted).build());
	}

	private ErrorResponseException tooLarge(String size) {
		ErrorResponseException tooLarge = new ErrorResponseException(HttpStatus.CONTENT_TOO_LARGE);
		tooLarge.setTitle("Request too large");
		tooLarge.setDetail("The request body " + size + "is larger than the limit of " + this.max
				+ " bytes; the API takes small JSON documents");
		return tooLarge;
	}

}
