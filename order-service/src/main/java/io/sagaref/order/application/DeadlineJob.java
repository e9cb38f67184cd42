package io.sagaref.order.application;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Keeps the promise that no saga stays PENDING forever: every
 * {@code saga.order.deadline-check-interval} it rejects, batch by batch, the orders that
 * outlived {@code saga.order.deadline}, and participants compensate on OrderRejected.
 */
@Component
class DeadlineJob implements SchedulingConfigurer {

	private static final Logger log = LoggerFactory.getLogger(DeadlineJob.class);

	private final OrderService orders;

	private final int batchSize;

	private final Duration interval;

	DeadlineJob(OrderService orders, OrderSettings settings) {
		this.orders = orders;
		this.batchSize = settings.deadlineBatchSize();
		this.interval = settings.deadlineCheckInterval();
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addFixedDelayTask(this::rejectOverdueOrders, this.interval);
	}

	void rejectOverdueOrders() {
		int total = 0;
		int rejected;
		do {
			rejected = this.orders.rejectOverdue();
			total += rejected;
		}
		while (rejected == this.batchSize);
		if (total > 0) {
			log.info("Rejected {} orders that outlived the saga deadline", total);
		}
	}

}
