package io.sagaref.systemtest;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import tools.jackson.databind.JsonNode;

/**
 * Drives one phase of orders through the gateway and follows each accepted order until
 * the read model shows it terminal. Sending never waits for an answer: the open loop
 * sends at fixed instants, the burst keeps a bounded number of POSTs in flight. Each
 * accepted order's view is polled with a backoff of a tenth of its age (20 ms to 1 s), so
 * a fast saga is seen within a few milliseconds and a slow one costs few requests.
 */
final class LoadPhase {

	private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

	private final String url;

	private final Workload workload;

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(5))
		.executor(Executors.newVirtualThreadPerTaskExecutor())
		.build();

	private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

	private final AtomicLong pending = new AtomicLong();

	LoadPhase(String url, Workload workload) {
		this.url = url;
		this.workload = workload;
	}

	/**
	 * Sends {@code rate} orders a second for {@code duration}, at fixed instants.
	 * @param stats where to count
	 * @param rate orders per second
	 * @param duration how long to send
	 * @param drain how long to wait for the last orders to end
	 */
	void openLoop(PhaseStats stats, int rate, Duration duration, Duration drain) {
		long total = rate * duration.toSeconds();
		long interval = 1_000_000_000L / rate;
		long start = System.nanoTime();
		for (long i = 0; i < total; i++) {
			long due = start + i * interval;
			long wait = due - System.nanoTime();
			if (wait > 0) {
				LockSupport.parkNanos(wait);
			}
			stats.lateSendMicros.accumulateAndGet(Math.max(0, (System.nanoTime() - due) / 1_000), Math::max);
			send(stats, this.workload.order(i), false, null);
		}
		awaitDrained(stats, drain);
	}

	/**
	 * Sends {@code orders} orders as fast as the gateway takes them, at most
	 * {@code concurrency} POSTs in flight; a refused order (503/429) is sent again.
	 * @param stats where to count
	 * @param orders how many orders
	 * @param concurrency most POSTs in flight
	 * @param drain how long to wait for the last orders to end
	 */
	void burst(PhaseStats stats, int orders, int concurrency, Duration drain) {
		var inFlight = new Semaphore(concurrency);
		for (long i = 0; i < orders; i++) {
			inFlight.acquireUninterruptibly();
			send(stats, this.workload.order(i), true, inFlight);
		}
		awaitDrained(stats, drain);
	}

	private void send(PhaseStats stats, Workload.OrderRequest order, boolean retryRefused, Semaphore inFlight) {
		long sentNanos = System.nanoTime();
		Instant sentAt = Instant.now();
		stats.sending(sentNanos);
		this.pending.incrementAndGet();
		var request = HttpRequest.newBuilder(URI.create(this.url + "/api/orders"))
			.timeout(REQUEST_TIMEOUT)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(order.body()))
			.build();
		this.http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, failure) -> {
			if (failure != null) {
				stats.error(0);
				done(inFlight);
			}
			else if (response.statusCode() == 202) {
				stats.accepted.incrementAndGet();
				String orderId = new HttpResult(202, response.headers(), response.body()).json()
					.path("orderId")
					.asString();
				stats.acceptedIds.add(orderId);
				release(inFlight);
				poll(stats, orderId, order.kind(), sentNanos, sentAt);
			}
			else if (response.statusCode() == 503 || response.statusCode() == 429) {
				stats.refused.incrementAndGet();
				if (retryRefused) {
					this.pending.decrementAndGet();
					this.timer.schedule(() -> send(stats, order, true, inFlight), 50, TimeUnit.MILLISECONDS);
				}
				else {
					done(inFlight);
				}
			}
			else {
				stats.error(response.statusCode());
				done(inFlight);
			}
		});
	}

	/** Long-polls the status resource until order-service has ended the saga. */
	private void poll(PhaseStats stats, String orderId, Workload.Kind kind, long sentNanos, Instant sentAt) {
		var request = HttpRequest.newBuilder(URI.create(this.url + "/api/orders/" + orderId + "/status?waitSeconds=5"))
			.timeout(REQUEST_TIMEOUT)
			.GET()
			.build();
		stats.statusPolls.incrementAndGet();
		this.http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
			if (this.pending.get() < 0) {
				return;
			}
			if (failure != null || (response.statusCode() != 303 && response.statusCode() != 200)) {
				stats.observerFailures.incrementAndGet();
			}
			if (failure == null && response.statusCode() == 303) {
				view(stats, orderId, kind, sentNanos, sentAt, 0);
			}
			else if (failure == null && response.statusCode() == 200) {
				poll(stats, orderId, kind, sentNanos, sentAt);
			}
			else {
				this.timer.schedule(() -> poll(stats, orderId, kind, sentNanos, sentAt), 200, TimeUnit.MILLISECONDS);
			}
		});
	}

	/**
	 * Reads the order's view until the read model shows it terminal, doubling the wait
	 * before each retry from 20 ms to at most 1 s or a tenth of the order's age.
	 */
	private void view(PhaseStats stats, String orderId, Workload.Kind kind, long sentNanos, Instant sentAt,
			int attempt) {
		var request = HttpRequest.newBuilder(URI.create(this.url + "/api/orders/" + orderId))
			.timeout(REQUEST_TIMEOUT)
			.GET()
			.build();
		stats.viewReads.incrementAndGet();
		this.http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, failure) -> {
			long seen = System.nanoTime();
			if (this.pending.get() < 0) {
				return;
			}
			JsonNode view = null;
			try {
				view = (failure == null && response.statusCode() == 200)
						? new HttpResult(200, response.headers(), response.body()).json() : null;
			}
			catch (RuntimeException ex) {
				stats.observerFailures.incrementAndGet();
			}
			if (failure != null || (response.statusCode() != 200 && response.statusCode() != 404)) {
				// 404: the read model has not seen the order yet
				stats.observerFailures.incrementAndGet();
			}
			String status = (view != null) ? view.path("status").asString("") : "";
			if (view != null && !status.isEmpty() && !status.equals("PENDING")) {
				stats.terminal(sentNanos, sentAt, seen, view, kind);
				done(null);
			}
			else {
				long ageMillis = (seen - sentNanos) / 1_000_000;
				long delay = Math.min(Math.max(1_000, ageMillis / 10), 20L << Math.min(attempt, 10));
				this.timer.schedule(() -> view(stats, orderId, kind, sentNanos, sentAt, attempt + 1), delay,
						TimeUnit.MILLISECONDS);
			}
		});
	}

	private void release(Semaphore inFlight) {
		if (inFlight != null) {
			inFlight.release();
		}
	}

	private void done(Semaphore inFlight) {
		release(inFlight);
		this.pending.decrementAndGet();
	}

	private void awaitDrained(PhaseStats stats, Duration drain) {
		long deadline = System.nanoTime() + drain.toNanos();
		while (this.pending.get() > 0 && System.nanoTime() < deadline) {
			LockSupport.parkNanos(50_000_000L);
		}
		stats.stuck = Math.max(0, this.pending.get());
		// orders still followed are abandoned: a negative count stops their polling
		this.pending.set(Long.MIN_VALUE / 2);
	}

	void close() {
		this.timer.shutdownNow();
		this.http.shutdownNow();
	}

}
