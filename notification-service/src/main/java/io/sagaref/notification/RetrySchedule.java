package io.sagaref.notification;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * When a failed delivery is tried again: the n-th wait of an exponential series (5 s, 30
 * s, 2 min ... about 24 h in all by default), each stretched or shrunk by a random
 * fraction up to {@code jitter}, so endpoints that fail together are not retried in
 * lockstep. Once every wait is used, the delivery has failed.
 *
 * @param waits the wait before each retry
 * @param jitter the largest random fraction added or taken (0 to 1)
 */
public record RetrySchedule(List<Duration> waits, double jitter) {

	public RetrySchedule {
		waits = List.copyOf(waits);
		if (jitter < 0 || jitter > 1) {
			throw new IllegalArgumentException("jitter must be between 0 and 1");
		}
	}

	/**
	 * @param failedAttempts how many attempts have failed so far (1 after the first)
	 * @param random a uniform random number in [0, 1)
	 * @return the wait before the next attempt, or empty if the delivery has failed
	 */
	public Optional<Duration> nextWait(int failedAttempts, DoubleSupplier random) {
		if (failedAttempts < 1 || failedAttempts > this.waits.size()) {
			return Optional.empty();
		}
		Duration wait = this.waits.get(failedAttempts - 1);
		double factor = 1 + this.jitter * (2 * random.getAsDouble() - 1);
		return Optional.of(Duration.ofMillis(Math.round(wait.toMillis() * factor)));
	}

	/**
	 * @return the total of the waits without jitter: how long a delivery is retried
	 */
	public Duration total() {
		return this.waits.stream().reduce(Duration.ZERO, Duration::plus);
	}

}
