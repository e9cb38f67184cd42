package io.sagaref.web;

import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Puts the request's {@code X-Request-Id} into the SLF4J MDC (key {@value #MDC_KEY}) for
 * as long as the request is handled, so every log line of that request names it, and
 * echoes it on the response. The gateway sends one with every request it forwards; a
 * service called directly keeps a client's well-formed id (up to 64 of
 * {@code [A-Za-z0-9._-]}) and generates one otherwise, so a header can never inject text
 * into a log line. Registered for every service by {@link WebSupportAutoConfiguration}.
 */
public class RequestIdFilter extends OncePerRequestFilter {

	/** The header on requests and responses. */
	public static final String HEADER = "X-Request-Id";

	/** The MDC key the log pattern prints. */
	public static final String MDC_KEY = "requestId";

	private static final String ATTRIBUTE = RequestIdFilter.class.getName();

	private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9._-]{1,64}");

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String id = (request.getAttribute(ATTRIBUTE) instanceof String known) ? known
				: keepOrGenerate(request.getHeader(HEADER));
		request.setAttribute(ATTRIBUTE, id);
		if (!response.containsHeader(HEADER)) {
			response.setHeader(HEADER, id);
		}
		MDC.put(MDC_KEY, id);
		try {
			chain.doFilter(request, response);
		}
		finally {
			MDC.remove(MDC_KEY);
		}
	}

	/**
	 * A long-poll's result is written on an async dispatch: its log lines keep the id.
	 */
	@Override
	protected boolean shouldNotFilterAsyncDispatch() {
		return false;
	}

	static String keepOrGenerate(@Nullable String candidate) {
		return (candidate != null && WELL_FORMED.matcher(candidate).matches()) ? candidate
				: UUID.randomUUID().toString();
	}

}
