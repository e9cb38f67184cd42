package io.sagaref.gateway.strangler;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;

import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;

/**
 * The client's response, unchanged, with a copy of its status and body kept on the side
 * for a shadow comparison: each chunk is copied as it passes (up to a limit) and the copy
 * is handed over once the body is complete, so the client waits for nothing.
 */
final class CapturedResponse extends ServerHttpResponseDecorator {

	private final int limit;

	private final ByteArrayOutputStream copy = new ByteArrayOutputStream();

	private final Sinks.One<Answer> answer = Sinks.one();

	private boolean tooLarge;

	CapturedResponse(ServerHttpResponse delegate, int limit) {
		super(delegate);
		this.limit = limit;
	}

	/**
	 * @return the answer as the client got it: empty if it was larger than the limit, an
	 * error if it failed
	 */
	Mono<Answer> answer() {
		return this.answer.asMono();
	}

	/**
	 * @param failure why the response could not be completed
	 */
	void failed(Throwable failure) {
		this.answer.tryEmitError(failure);
	}

	@Override
	public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
		return super.writeWith(Flux.from(body).doOnNext(this::keep)).doOnSuccess((done) -> complete());
	}

	@Override
	public Mono<Void> writeAndFlushWith(Publisher<? extends Publisher<? extends DataBuffer>> body) {
		return super.writeAndFlushWith(Flux.from(body).map((chunk) -> Flux.from(chunk).doOnNext(this::keep)))
			.doOnSuccess((done) -> complete());
	}

	@Override
	public Mono<Void> setComplete() {
		return super.setComplete().doOnSuccess((done) -> complete());
	}

	private synchronized void keep(DataBuffer buffer) {
		if (this.tooLarge) {
			return;
		}
		int size = buffer.readableByteCount();
		if (this.copy.size() + size > this.limit) {
			this.tooLarge = true;
			return;
		}
		try (DataBuffer.ByteBufferIterator chunks = buffer.readableByteBuffers()) {
			while (chunks.hasNext()) {
				ByteBuffer chunk = chunks.next();
				byte[] bytes = new byte[chunk.remaining()];
				chunk.get(bytes);
				this.copy.writeBytes(bytes);
			}
		}
	}

	private synchronized void complete() {
		if (this.tooLarge) {
			this.answer.tryEmitEmpty();
			return;
		}
		HttpStatusCode status = getStatusCode();
		this.answer.tryEmitValue(new Answer((status != null) ? status.value() : 200, this.copy.toByteArray()));
	}

}
