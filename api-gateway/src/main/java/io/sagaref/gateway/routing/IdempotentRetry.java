package io.sagaref.gateway.routing;

import java.net.ConnectException;
import java.time.Duration;

import org.springframework.cloud.gateway.filter.factory.RetryGatewayFilterFactory.RetryConfig;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;

/**
 * When the gateway tries a proxied request again: only GET and HEAD (a POST may have had
 * its effect before the failure: the client decides, with its {@code Idempotency-Key}),
 * only when the backend could not be reached (the request never left) or answered 502,
 * and at most twice, 50 then 100 ms later. Not on a connection closed while answering: a
 * streamed answer may already be on its way to the client. Not on 503: the services
 * answer 503 on purpose with {@code Retry-After} (a view not current after waiting, an
 * overload refusal), and retrying at once would defeat it. Not on a timeout: the request
 * may still be running, and a long-poll would wait three times as long. The filter keeps
 * the body of the routes' requests in memory (it could retry them), which the 1 MiB size
 * limit bounds.
 */
final class IdempotentRetry {

	static final int RETRIES = 2;

	private IdempotentRetry() {
	}

	static void configure(RetryConfig retry) {
		retry.setRetries(RETRIES)
			.setMethods(HttpMethod.GET, HttpMethod.HEAD)
			.setSeries()
			.setStatuses(HttpStatus.BAD_GATEWAY)
			.setExceptions(ConnectException.class)
			.setBackoff(Duration.ofMillis(50), Duration.ofMillis(200), 2, false);
	}

}
