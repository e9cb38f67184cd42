package io.sagaref.notification.application;

import java.time.Duration;
import java.util.List;

import io.sagaref.notification.RetrySchedule;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The target policy's one switch and how deliveries are attempted.
 *
 * @param allowLoopback whether endpoints on loopback addresses are allowed (local stack,
 * tests)
 * @param delivery how the worker attempts deliveries
 */
@ConfigurationProperties("saga.notifications")
public record NotificationSettings(@DefaultValue("false") boolean allowLoopback, @DefaultValue Delivery delivery) {

	/**
	 * @param backoff the wait before each retry; the delivery fails after the last
	 * @param jitter the random fraction each wait is stretched or shrunk by
	 * @param connectTimeout the deadline to connect to an endpoint
	 * @param readTimeout the deadline for its answer
	 * @param pollInterval how often the worker looks for due deliveries
	 * @param batchSize the most deliveries claimed at once
	 * @param perEndpointConcurrency the most attempts in flight to one endpoint
	 * @param maxConcurrency the most attempts in flight in all
	 * @param lease how long a claimed delivery is invisible to other workers
	 */
	public record Delivery(@DefaultValue( {
			"5s", "30s", "2m", "10m", "30m", "1h", "2h", "4h", "8h", "8h" }) List<Duration> backoff,
			@DefaultValue("0.2") double jitter, @DefaultValue("3s") Duration connectTimeout,
			@DefaultValue("10s") Duration readTimeout, @DefaultValue("500ms") Duration pollInterval,
			@DefaultValue("64") int batchSize, @DefaultValue("2") int perEndpointConcurrency,
			@DefaultValue("64") int maxConcurrency, @DefaultValue("60s") Duration lease){

		/**
		 * @return the retry schedule these settings describe
		 */
		public RetrySchedule schedule() {
			return new RetrySchedule(this.backoff, this.jitter);
		}

	}

}
