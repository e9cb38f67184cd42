package io.sagaref.order.application;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When order-service refuses new orders at the door, under {@code saga.order.admission}.
 *
 * @param maxPending sagas running at once beyond which every new order is refused
 * @param minBacklog sagas running below which no order is refused for their age, so that
 * one slow saga never closes the door
 * @param maxSagaAge how long the oldest running saga may have waited before new orders
 * are refused: past it the backlog is not draining in time, and an order accepted now
 * would likely end TIMED_OUT
 * @param retryAfter what a refused client is told to wait
 * @param recheckInterval how long one look at the backlog is reused
 */
@ConfigurationProperties("saga.order.admission")
public record AdmissionSettings(@DefaultValue("20000") int maxPending, @DefaultValue("200") int minBacklog,
		@DefaultValue("10s") Duration maxSagaAge, @DefaultValue("2s") Duration retryAfter,
		@DefaultValue("200ms") Duration recheckInterval) {

	public AdmissionSettings {
		if (maxPending < 1 || minBacklog < 0) {
			throw new IllegalArgumentException("saga.order.admission: max-pending >= 1 and min-backlog >= 0");
		}
		if (maxSagaAge.isNegative() || maxSagaAge.isZero() || retryAfter.isNegative() || recheckInterval.isNegative()) {
			throw new IllegalArgumentException("saga.order.admission: durations must be positive");
		}
	}

}
