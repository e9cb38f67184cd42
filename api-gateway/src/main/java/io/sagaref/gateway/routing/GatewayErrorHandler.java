package io.sagaref.gateway.routing;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.concurrent.TimeoutException;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import io.sagaref.gateway.Backend;
import io.sagaref.gateway.GatewayProperties;
import io.sagaref.gateway.edge.RequestId;
import io.sagaref.gateway.strangler.StranglerRouting;

import org.springframework.cloud.gateway.route.Route;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.codec.HttpMessageWriter;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.reactive.result.view.ViewResolver;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR;

/**
 * Answers every failure of the gateway itself as RFC 9457 problem details, naming the
 * backend when one is at fault: no route is 404, a backend that cannot be reached
 * (refused, connect timeout, unknown host) is 503, a backend that does not answer in time
 * is 504. Never a stack trace. Runs before Spring Boot's default error handler. Its log
 * lines carry the request id, and the answer keeps the headers the failure names
 * ({@code Retry-After}, {@code Allow}); the request id header is added at commit.
 */
@Component
@Order(-2)
class GatewayErrorHandler implements WebExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(GatewayErrorHandler.class);

	private final ServerResponse.Context context;

	private final GatewayProperties properties;

	GatewayErrorHandler(ServerCodecConfigurer codecs, GatewayProperties properties) {
		this.context = new WriterContext(codecs.getWriters());
		this.properties = properties;
	}

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
		if (exchange.getResponse().isCommitted()) {
			return Mono.error(ex);
		}
		ProblemDetail problem = RequestId.computeWithMdc(RequestId.of(exchange), () -> problemFor(exchange, ex));
		exchange.getResponse().getHeaders().clear();
		if (ex instanceof ErrorResponse error) {
			// what the failure says the client needs, such as Retry-After of a 429 or
			// Allow
			exchange.getResponse().getHeaders().addAll(error.getHeaders());
		}
		return ServerResponse.status(problem.getStatus())
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyValue(problem)
			.flatMap((response) -> response.writeTo(exchange, this.context));
	}

	private ProblemDetail problemFor(ServerWebExchange exchange, Throwable ex) {
		String request = exchange.getRequest().getMethod() + " " + exchange.getRequest().getPath().value();
		String service = serviceOf(exchange);
		if (service != null && (causedBy(ex, ConnectException.class) || causedBy(ex, UnknownHostException.class))) {
			log.warn("{} could not be reached for {}: {}", service, request, ex.toString());
			return problem(HttpStatus.SERVICE_UNAVAILABLE, "Service unavailable",
					service + " is not reachable; try again later");
		}
		if (service != null && (causedBy(ex, TimeoutException.class) || statusOf(ex) == 504)) {
			log.warn("{} did not answer {} in time", service, request);
			return problem(HttpStatus.GATEWAY_TIMEOUT, "Gateway timeout",
					service + " did not answer within " + this.properties.responseTimeout().toSeconds() + "s");
		}
		if (service == null && statusOf(ex) == 404) {
			return problem(HttpStatus.NOT_FOUND, "Not found", "No public endpoint for " + request);
		}
		if (ex instanceof ErrorResponse error) {
			ProblemDetail body = error.getBody();
			return problem(error.getStatusCode(), (body.getTitle() != null) ? body.getTitle() : "Request failed",
					(body.getDetail() != null) ? body.getDetail() : request + " failed");
		}
		if (service != null) {
			log.warn("{} failed to answer {}: {}", service, request, ex.toString());
			return problem(HttpStatus.BAD_GATEWAY, "Bad gateway", service + " did not give a valid answer");
		}
		log.error("Unexpected failure of {}", request, ex);
		return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
				"The request could not be completed; it is safe to retry");
	}

	private static @Nullable String serviceOf(ServerWebExchange exchange) {
		Backend drawn = StranglerRouting.servedBy(exchange);
		if (drawn != null) {
			return drawn.serviceName();
		}
		Route route = exchange.getAttribute(GATEWAY_ROUTE_ATTR);
		return (route != null) ? (String) route.getMetadata().get(PublicRoutes.SERVICE_METADATA) : null;
	}

	private static boolean causedBy(Throwable ex, Class<? extends Throwable> type) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return true;
			}
		}
		return false;
	}

	private static int statusOf(Throwable ex) {
		return (ex instanceof ErrorResponse error) ? error.getStatusCode().value() : 0;
	}

	private static ProblemDetail problem(HttpStatusCode status, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		return problem;
	}

	private record WriterContext(List<HttpMessageWriter<?>> messageWriters) implements ServerResponse.Context {

		@Override
		public List<ViewResolver> viewResolvers() {
			return List.of();
		}

	}

}
