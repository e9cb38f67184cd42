package io.sagaref.gateway.edge;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.proxy.AsyncProxyManager;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.ratelimit.Bucket4jRateLimiter;
import org.springframework.cloud.gateway.support.ConfigurationService;
import org.springframework.http.HttpHeaders;

/**
 * The gateway's Bucket4j rate limiter with one bucket per client (not per route: a
 * client's budget is for the whole API), answering with the IETF rate limit headers
 * (draft-ietf-httpapi-ratelimit-headers) instead of {@code X-RateLimit-Remaining}:
 * {@code RateLimit-Policy: "default";q=<capacity>;w=<period seconds>} and
 * {@code RateLimit: "default";r=<remaining>;t=<seconds until full>}, plus
 * {@code Retry-After} when a request is refused. The buckets live in memory (Caffeine),
 * so each gateway instance limits on its own.
 */
public class ClientRateLimiter extends Bucket4jRateLimiter {

	/** The name of the one policy, in both headers. */
	static final String POLICY = "default";

	static final String RATE_LIMIT_POLICY = "RateLimit-Policy";

	static final String RATE_LIMIT = "RateLimit";

	private final AsyncProxyManager<String> buckets;

	private final Supplier<CompletableFuture<BucketConfiguration>> bucket;

	private final String policy;

	ClientRateLimiter(AsyncProxyManager<String> buckets, ConfigurationService configurationService,
			RateLimitProperties limits) {
		super(buckets, configurationService);
		this.buckets = buckets;
		this.bucket = new Config().setCapacity(limits.capacity())
			.setRefillTokens(limits.refillTokens())
			.setRefillPeriod(limits.refillPeriod())
			.setRefillStyle(RefillStyle.GREEDY)
			.getConfigurationSupplier();
		this.policy = "\"" + POLICY + "\";q=" + limits.capacity() + ";w="
				+ Math.max(1, limits.refillPeriod().toSeconds());
	}

	/**
	 * Takes one token from the client's bucket.
	 * @param routeId not used: one budget per client for the whole API
	 * @param id the client, as {@link ClientKeyResolver} names it
	 * @return whether the request may pass, with the headers of the answer
	 */
	@Override
	public Mono<Response> isAllowed(String routeId, String id) {
		return Mono.fromFuture(() -> this.buckets.builder().build(id, this.bucket).tryConsumeAndReturnRemaining(1))
			.map((probe) -> new Response(probe.isConsumed(), headers(probe)));
	}

	private Map<String, String> headers(ConsumptionProbe probe) {
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put(RATE_LIMIT_POLICY, this.policy);
		headers.put(RATE_LIMIT,
				"\"" + POLICY + "\";r=" + probe.getRemainingTokens() + ";t=" + seconds(probe.getNanosToWaitForReset()));
		if (!probe.isConsumed()) {
			headers.put(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, seconds(probe.getNanosToWaitForRefill()))));
		}
		return headers;
	}

	private static long seconds(long nanos) {
		return (nanos + TimeUnit.SECONDS.toNanos(1) - 1) / TimeUnit.SECONDS.toNanos(1);
	}

}
