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
 * @param retention how long published outbox rows and inbox rows are kept
 * ({@code saga.messaging.retention.*})
 * @param failpoints test-only switches that inject faults into the relay
 * ({@code saga.messaging.failpoints.*}); all off by default
 */
@ConfigurationProperties("saga.messaging")
public record MessagingProperties(String source, @DefaultValue List<String> topics, @DefaultValue("4") int partitions,
		@DefaultValue("500") int relayBatchSize, @DefaultValue("250ms") Duration relayPollInterval,
		@DefaultValue("30s") Duration sendTimeout, @DefaultValue("4") int retryAttempts,
		@DefaultValue("100ms") Duration retryInitialInterval, @DefaultValue("10s") Duration retryMaxInterval,
		@DefaultValue Retention retention, @DefaultValue Failpoints failpoints) {

	/**
	 * What the retention job deletes, under {@code saga.messaging.retention}. See
	 * {@code io.sagaref.messaging.retention.MessageRetention} and docs/operations.md.
	 *
	 * @param enabled whether the job runs on its own schedule
	 * @param outbox how long a row stays in the outbox after it was published;
	 * unpublished rows are never deleted
	 * @param inbox how long a consumer remembers an applied event; must exceed the
	 * longest time after which the event can be delivered again
	 * @param interval pause between two runs of the job
	 * @param batchSize most rows one delete statement removes, which bounds its locks
	 */
	public record Retention(@DefaultValue("true") boolean enabled, @DefaultValue("1h") Duration outbox,
			@DefaultValue("7d") Duration inbox, @DefaultValue("1m") Duration interval,
			@DefaultValue("1000") int batchSize) {

		public Retention {
			requirePositive(outbox, "outbox");
			requirePositive(inbox, "inbox");
			requirePositive(interval, "interval");
			if (batchSize < 1) {
				throw new IllegalArgumentException("saga.messaging.retention.batch-size must be at least 1");
			}
		}

		private static void requirePositive(Duration duration, String name) {
			if (duration.isNegative() || duration.isZero()) {
				throw new IllegalArgumentException("saga.messaging.retention." + name + " must be positive");
			}
		}

	}

	/**
	 * Fault injection for tests of the delivery guarantees, under
	 * {@code saga.messaging.failpoints}. TEST-ONLY: never set these in a real deployment.
	 *
	 * @param publishTwice the relay sends every batch a second time once Kafka has
	 * acknowledged the first, so every event reaches its consumers twice
	 * @param haltAfterPublish if positive, the relay halts the JVM (exit code 137, as
	 * after {@code kill -9}) right after Kafka acknowledged its N-th batch and before the
	 * batch is marked sent; 0 is off
	 */
	public record Failpoints(@DefaultValue("false") boolean publishTwice, @DefaultValue("0") int haltAfterPublish) {

		public Failpoints {
			if (haltAfterPublish < 0) {
				throw new IllegalArgumentException("saga.messaging.failpoints.halt-after-publish must not be negative");
			}
		}

	}

}
