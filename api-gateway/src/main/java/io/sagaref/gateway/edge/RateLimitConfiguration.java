package io.sagaref.gateway.edge;

import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.caffeine.Bucket4jCaffeine;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.AsyncProxyManager;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.cloud.gateway.filter.ratelimit.KeyResolver;
import org.springframework.cloud.gateway.support.ConfigurationService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the per-client rate limit: buckets in a bounded in-memory Caffeine cache (a
 * bucket is dropped once it would be full again, so idle clients cost nothing), the
 * gateway's Bucket4j limiter on top, and who the client is. Off with
 * {@code saga.gateway.rate-limit.enabled=false}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "saga.gateway.rate-limit.enabled", havingValue = "true", matchIfMissing = true)
class RateLimitConfiguration {

	/**
	 * Replaced by a bean keyed on the token's subject once the gateway knows principals.
	 */
	@Bean
	@ConditionalOnMissingBean(KeyResolver.class)
	ClientKeyResolver clientKeyResolver() {
		return new ClientKeyResolver();
	}

	@Bean
	ClientRateLimiter clientRateLimiter(ConfigurationService configurationService, RateLimitProperties limits) {
		AsyncProxyManager<String> buckets = Bucket4jCaffeine
			.<String>builderFor(Caffeine.newBuilder().maximumSize(limits.maxClients()))
			.expirationAfterWrite(
					ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(limits.refillPeriod()))
			.build()
			.asAsync();
		return new ClientRateLimiter(buckets, configurationService, limits);
	}

	@Bean
	RateLimitFilter rateLimitFilter(ClientRateLimiter limiter, KeyResolver clients, RateLimitProperties limits) {
		return new RateLimitFilter(limiter, clients, limits);
	}

}
