package io.sagaref.gateway.edge;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;
import reactor.util.context.ContextView;

import org.springframework.web.server.ServerWebExchange;

/**
 * The correlation id of one request: {@code X-Request-Id}, kept when the client sent a
 * well-formed one (up to 64 of {@code [A-Za-z0-9._-]}), generated otherwise, so a
 * client's id can never inject text into a log line or a header. It travels in the
 * exchange attributes and the Reactor context, and is put into the SLF4J MDC under
 * {@value #MDC_KEY} around each log line the gateway writes for the request (the same key
 * the services use).
 */
public final class RequestId {

	/** The header, on requests and responses, to and from the backends. */
	public static final String HEADER = "X-Request-Id";

	/** The MDC key the log pattern prints. */
	public static final String MDC_KEY = "requestId";

	/** Exchange attribute and Reactor context key of the id. */
	public static final String ATTRIBUTE = RequestId.class.getName();

	private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9._-]{1,64}");

	private RequestId() {
	}

	/**
	 * @param candidate the id a client sent, or {@code null}
	 * @return it if it is well formed, else a new random id
	 */
	static String keepOrGenerate(@Nullable String candidate) {
		return (candidate != null && WELL_FORMED.matcher(candidate).matches()) ? candidate
				: UUID.randomUUID().toString();
	}

	/**
	 * @param exchange an exchange that went through {@link RequestIdFilter}
	 * @return its request id, or {@code null} before the filter ran
	 */
	public static @Nullable String of(ServerWebExchange exchange) {
		return exchange.getAttribute(ATTRIBUTE);
	}

	/**
	 * @param context the Reactor context of a request's pipeline
	 * @return its request id, if the pipeline runs within a request
	 */
	public static Optional<String> of(ContextView context) {
		return context.getOrEmpty(ATTRIBUTE);
	}

	/**
	 * Runs a logging statement with the request id in the MDC, so the log pattern prints
	 * it whatever thread the reactive pipeline is on.
	 * @param requestId the id, or {@code null} for none
	 * @param logging the statement
	 */
	public static void withMdc(@Nullable String requestId, Runnable logging) {
		computeWithMdc(requestId, () -> {
			logging.run();
			return Boolean.TRUE;
		});
	}

	/**
	 * Computes something that may log, with the request id in the MDC.
	 * @param <T> what is computed
	 * @param requestId the id, or {@code null} for none
	 * @param logging the computation
	 * @return its result
	 */
	public static <T> T computeWithMdc(@Nullable String requestId, Supplier<T> logging) {
		if (requestId == null) {
			return logging.get();
		}
		try (MDC.MDCCloseable ignored = MDC.putCloseable(MDC_KEY, requestId)) {
			return logging.get();
		}
	}

}
