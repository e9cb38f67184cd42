package io.sagaref.order.application;

import java.time.Clock;
import java.time.Instant;
import java.util.function.Supplier;

import io.sagaref.order.PendingOrders;
import org.jspecify.annotations.Nullable;

/**
 * Admission control: overload is refused at the door instead of being accepted and turned
 * into TIMED_OUT orders half a minute later. A new order is refused while the sagas
 * already running are too many, or while there is a real backlog whose oldest saga has
 * waited longer than {@link AdmissionSettings#maxSagaAge()}. The backlog is read from the
 * database (so every instance sees all of it) at most once per
 * {@link AdmissionSettings#recheckInterval()}.
 */
public class Admission {

	private final Supplier<PendingOrders> backlog;

	private final AdmissionSettings settings;

	private final Clock clock;

	private @Nullable PendingOrders cached;

	private Instant cachedAt = Instant.MIN;

	public Admission(Supplier<PendingOrders> backlog, AdmissionSettings settings, Clock clock) {
		this.backlog = backlog;
		this.settings = settings;
		this.clock = clock;
	}

	/**
	 * @throws SagaBacklogFullException if a new order would not be served in time
	 */
	public void admit() {
		Instant now = this.clock.instant();
		PendingOrders pending = current(now);
		if (pending.count() >= this.settings.maxPending()) {
			throw new SagaBacklogFullException(pending.count() + " orders are still being processed (at most "
					+ this.settings.maxPending() + "); nothing was placed, retry later", this.settings.retryAfter());
		}
		if (pending.count() >= this.settings.minBacklog()
				&& pending.oldestAge(now).compareTo(this.settings.maxSagaAge()) > 0) {
			throw new SagaBacklogFullException(pending.count() + " orders are waiting and the oldest for "
					+ pending.oldestAge(now).toSeconds() + " s: the system is behind; nothing was placed, retry later",
					this.settings.retryAfter());
		}
	}

	private synchronized PendingOrders current(Instant now) {
		PendingOrders pending = this.cached;
		if (pending == null || !now.isBefore(this.cachedAt.plus(this.settings.recheckInterval()))) {
			pending = this.backlog.get();
			this.cached = pending;
			this.cachedAt = now;
		}
		return pending;
	}

}
