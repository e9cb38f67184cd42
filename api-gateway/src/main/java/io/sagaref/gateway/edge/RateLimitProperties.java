package io.sagaref.gateway.edge;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The per-client rate limit: a token bucket per client of {@code capacity} requests,
 * refilled by {@code refillTokens} every {@code refillPeriod} (gradually). The defaults
 * are far above what a person at a keyboard sends; a load test lifts them
 * ({@code enabled: false} or a larger capacity, see docs/benchmark.md).
 *
 * @param enabled whether requests are limited at all
 * @param capacity most requests a client can send at once (the burst)
 * @param refillTokens requests given back every {@code refillPeriod}
 * @param refillPeriod the period of the refill, also the window {@code w} of the
 * {@code RateLimit-Policy} header
 * @param maxClients how many clients' buckets are kept in memory (least recently used
 * dropped first)
 * @param paths the path patterns that are limited
 */
@ConfigurationProperties("saga.gateway.rate-limit")
public record RateLimitProperties(@DefaultValue("true") boolean enabled, @DefaultValue("200") long capacity,
		@DefaultValue("100") long refillTokens, @DefaultValue("1s") Duration refillPeriod,
		@DefaultValue("100000") long maxClients, @DefaultValue("/api/**") List<String> paths) {

}
