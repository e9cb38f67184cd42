package io.sagaref.order;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * How many sagas are still running and since when the oldest one is: what shows a saga
 * slowing down before the deadline ends it.
 *
 * @param count orders still PENDING
 * @param oldestPlacedAt when the oldest of them was placed, null if there are none
 */
public record PendingOrders(long count, @Nullable Instant oldestPlacedAt) {

	/**
	 * @param now the time to measure against
	 * @return how long the oldest pending order has been waiting, zero if there is none
	 */
	public Duration oldestAge(Instant now) {
		if (this.oldestPlacedAt == null || this.oldestPlacedAt.isAfter(now)) {
			return Duration.ZERO;
		}
		return Duration.between(this.oldestPlacedAt, now);
	}

}
