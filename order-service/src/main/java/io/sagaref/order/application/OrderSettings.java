package io.sagaref.order.application;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of order-service, under {@code saga.order}.
 *
 * @param deadline how long a saga may stay PENDING before the order is rejected TIMED_OUT
 * @param deadlineCheckInterval how often overdue orders are looked for
 * @param deadlineBatchSize most overdue orders rejected in one transaction
 * @param statusRecheckInterval how often a long-polling status request re-reads the
 * database, which catches changes made by other instances
 */
@ConfigurationProperties("saga.order")
public record OrderSettings(@DefaultValue("30s") Duration deadline, @DefaultValue("1s") Duration deadlineCheckInterval,
		@DefaultValue("100") int deadlineBatchSize, @DefaultValue("1s") Duration statusRecheckInterval) {

	public OrderSettings {
		if (deadline.isNegative() || deadline.isZero()) {
			throw new IllegalArgumentException("saga.order.deadline must be positive");
		}
		if (deadlineCheckInterval.isNegative() || deadlineCheckInterval.isZero()) {
			throw new IllegalArgumentException("saga.order.deadline-check-interval must be positive");
		}
		if (statusRecheckInterval.isNegative() || statusRecheckInterval.isZero()) {
			throw new IllegalArgumentException("saga.order.status-recheck-interval must be positive");
		}
		if (deadlineBatchSize < 1) {
			throw new IllegalArgumentException("saga.order.deadline-batch-size must be at least 1");
		}
	}

}
