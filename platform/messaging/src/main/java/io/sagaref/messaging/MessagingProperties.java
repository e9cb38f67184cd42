package io.sagaref.messaging;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the messaging infrastructure, under {@code saga.messaging}.
 *
 * @param source this service's name, written into every envelope and used as consumer
 * name in the inbox
 * @param topics the topics this service produces to or consumes from; created with
 * {@code partitions} partitions (and a {@code .DLT} companion) if missing
 * @param partitions partitions per topic
 * @param relayBatchSize most outbox rows the relay publishes in one transaction
 * @param relayPollInterval how often the relay looks for rows when no commit woke it
 * @param sendTimeout how long the relay waits for Kafka to acknowledge a batch
 * @param retryAttempts deliveries of a failing message before it goes to the dead-letter
 * topic (transient infrastructure failures are retried without limit)
 * @param retryInitialInterval first backoff between deliveries
 * @param retryMaxInterval longest backoff between deliveries
 */
@ConfigurationProperties("saga.messaging")
public record MessagingProperties(String source, @DefaultValue List<String> topics, @DefaultValue("4") int partitions,
		@DefaultValue("500") int relayBatchSize, @DefaultValue("250ms") Duration relayPollInterval,
		@DefaultValue("30s") Duration sendTimeout, @DefaultValue("4") int retryAttempts,
		@DefaultValue("100ms") Duration retryInitialInterval, @DefaultValue("10s") Duration retryMaxInterval) {
}
