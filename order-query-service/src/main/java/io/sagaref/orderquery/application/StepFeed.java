package io.sagaref.orderquery.application;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.sagaref.orderquery.CustomerId;
import io.sagaref.orderquery.OrderId;
import io.sagaref.orderquery.OrderView;
import io.sagaref.orderquery.OrderViews;
import io.sagaref.orderquery.OrderViews.StoredEvent;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Pushes saga steps to open streams (SSE, WebSocket): the projection publishes what it
 * committed, after the commit, and a stream gets the steps of its order or its customer's
 * orders.
 * <p>
 * Publishing costs the projection a map look-up and a queue offer per step: each
 * subscriber has its own bounded queue, drained by a virtual thread only while there is
 * something to send, so no thread is held by an open stream and a slow client fills its
 * own queue and is dropped (its stream ends; it resumes with {@code Last-Event-ID}),
 * never slowing the projection. A subscriber is registered before its replay is read from
 * the store, and steps are de-duplicated per order by sequence, so nothing falls between
 * the replay and the live steps. Every {@value #HEARTBEAT_SECONDS} s each stream gets a
 * heartbeat so idle proxies keep it open.
 */
@Component
public class StepFeed implements DisposableBean {

	static final int HEARTBEAT_SECONDS = 15;

	/** Steps (and heartbeats) a subscriber may have waiting before it is dropped. */
	static final int BUFFER = 1024;

	/** A customer stream replays its newest orders, at most this many. */
	static final int CUSTOMER_ORDERS = 100;

	/**
	 * How far before the step it names a resumed customer stream replays other orders'
	 * steps: a transaction storing a step of another order may commit after the named one
	 * although it started before.
	 */
	static final Duration RESUME_MARGIN = Duration.ofSeconds(60);

	private static final Logger log = LoggerFactory.getLogger(StepFeed.class);

	/**
	 * How long an order's stream stays open after its terminal step went live: the read
	 * model consumes each service's topic on its own, so a step another service committed
	 * before the terminal one (StockReserved before OrderConfirmed) may be applied just
	 * after it.
	 */
	static final Duration TERMINAL_GRACE = Duration.ofSeconds(2);

	private static final Object HEARTBEAT = new Object();

	private static final Object CLOSE = new Object();

	private final OrderViews views;

	private final Map<OrderId, Set<Subscriber>> byOrder = new ConcurrentHashMap<>();

	private final Map<CustomerId, Set<Subscriber>> byCustomer = new ConcurrentHashMap<>();

	private final Set<Subscriber> all = ConcurrentHashMap.newKeySet();

	private final ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor();

	private final ScheduledExecutorService heartbeats = Executors
		.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("stream-heartbeat").daemon().factory());

	public StepFeed(OrderViews views, MeterRegistry meters) {
		this.views = views;
		Gauge.builder("saga.push.streams", this.all, Set::size)
			.description("Open SSE streams and WebSocket subscriptions")
			.register(meters);
		this.heartbeats.scheduleAtFixedRate(this::heartbeat, HEARTBEAT_SECONDS, HEARTBEAT_SECONDS, TimeUnit.SECONDS);
	}

	/**
	 * Opens a stream of one order's steps: the stored ones after {@code after}, then the
	 * live ones, ending after the terminal step: at once if it was stored already (every
	 * stored step replayed), else {@link #TERMINAL_GRACE} after it went live.
	 * @param orderId the order
	 * @param after the sequence of the last step the client has, 0 for all
	 * @param sink where the steps go
	 * @return the subscription, empty if the read model has no such order
	 */
	public Optional<Subscription> order(OrderId orderId, long after, StepSink sink) {
		var subscriber = new Subscriber(sink, true);
		this.byOrder.computeIfAbsent(orderId, (id) -> ConcurrentHashMap.newKeySet()).add(subscriber);
		this.all.add(subscriber);
		subscriber.unregister = () -> remove(this.byOrder, orderId, subscriber);
		List<Stored> stored = steps(orderId);
		if (stored.isEmpty()) {
			subscriber.end();
			return Optional.empty();
		}
		subscriber.last.put(orderId, after);
		List<SagaStep> replay = stored.stream().map(Stored::step).filter((step) -> step.sequence() > after).toList();
		boolean finished = stored.stream().anyMatch((s) -> s.step().terminal());
		subscriber.start(replay, finished);
		return Optional.of(subscriber);
	}

	/**
	 * Opens a stream of a customer's steps: the stored ones of its newest orders (after
	 * the step {@code resume} names, if given), then every live one; it stays open.
	 * @param customerId the customer
	 * @param resume the last step the client has, if resuming
	 * @param sink where the steps go
	 * @return the subscription
	 */
	public Subscription customer(CustomerId customerId, @Nullable StepId resume, StepSink sink) {
		var subscriber = new Subscriber(sink, false);
		this.byCustomer.computeIfAbsent(customerId, (id) -> ConcurrentHashMap.newKeySet()).add(subscriber);
		this.all.add(subscriber);
		subscriber.unregister = () -> remove(this.byCustomer, customerId, subscriber);
		Map<OrderId, List<Stored>> orders = new HashMap<>();
		for (OrderView view : this.views.page(customerId, null, 0, CUSTOMER_ORDERS).content().reversed()) {
			orders.put(view.orderId(), steps(view.orderId()));
		}
		Instant since = Instant.MIN;
		if (resume != null) {
			since = orders.getOrDefault(resume.orderId(), List.of())
				.stream()
				.filter((s) -> s.step().sequence() == resume.sequence())
				.findFirst()
				.map((s) -> s.recordedAt().minus(RESUME_MARGIN))
				.orElse(Instant.MIN);
		}
		List<Stored> replay = new ArrayList<>();
		for (var order : orders.entrySet()) {
			long last = order.getValue().isEmpty() ? 0 : order.getValue().getLast().step().sequence();
			boolean named = resume != null && resume.orderId().equals(order.getKey());
			subscriber.last.put(order.getKey(), named ? resume.sequence() : 0);
			Instant from = since;
			order.getValue()
				.stream()
				.filter((s) -> !s.recordedAt().isBefore(from))
				.filter((s) -> !named || s.step().sequence() > resume.sequence())
				.forEach(replay::add);
			if (!named && since != Instant.MIN) {
				// what the client had before the mark is not sent again live either
				long before = order.getValue()
					.stream()
					.filter((s) -> s.recordedAt().isBefore(from))
					.mapToLong((s) -> s.step().sequence())
					.max()
					.orElse(0);
				subscriber.last.put(order.getKey(), Math.min(before, last));
			}
		}
		replay.sort((a, b) -> a.recordedAt().compareTo(b.recordedAt()));
		subscriber.start(replay.stream().map(Stored::step).toList(), false);
		return subscriber;
	}

	/**
	 * Hands committed steps to the streams that want them; returns at once.
	 * @param steps steps the projection committed, in the order applied
	 */
	void publish(List<SagaStep> steps) {
		if (this.all.isEmpty()) {
			return;
		}
		for (SagaStep step : steps) {
			this.byOrder.getOrDefault(step.orderId(), Set.of()).forEach((subscriber) -> subscriber.offer(step));
			CustomerId customerId = step.customerId();
			if (customerId != null) {
				this.byCustomer.getOrDefault(customerId, Set.of()).forEach((subscriber) -> subscriber.offer(step));
			}
		}
	}

	/**
	 * @return how many streams are open
	 */
	public int open() {
		return this.all.size();
	}

	private List<Stored> steps(OrderId orderId) {
		var view = new OrderView(orderId);
		List<Stored> steps = new ArrayList<>();
		for (StoredEvent stored : this.views.inStoreOrder(orderId)) {
			if (view.apply(stored.event())) {
				steps.add(new Stored(SagaStep.after(view, stored.event()), stored.recordedAt()));
			}
		}
		return steps;
	}

	private void heartbeat() {
		this.all.forEach((subscriber) -> subscriber.offer(HEARTBEAT));
	}

	private void execute(Runnable task) {
		try {
			this.senders.execute(task);
		}
		catch (RuntimeException ex) {
			log.debug("Not sent, shutting down: {}", ex.toString());
		}
	}

	private static <K> void remove(Map<K, Set<Subscriber>> map, K key, Subscriber subscriber) {
		map.computeIfPresent(key, (k, set) -> {
			set.remove(subscriber);
			return set.isEmpty() ? null : set;
		});
	}

	@Override
	public void destroy() {
		this.heartbeats.shutdownNow();
		this.all.forEach(Subscriber::end);
		this.senders.shutdownNow();
	}

	/** A stored step with when it was stored. */
	private record Stored(SagaStep step, Instant recordedAt) {
	}

	/**
	 * A step as a resumable id names it across a customer's orders:
	 * {@code <orderId>:<sequence>}.
	 *
	 * @param orderId the order
	 * @param sequence the step's sequence within it
	 */
	public record StepId(OrderId orderId, long sequence) {

		/**
		 * @param id {@code <orderId>:<sequence>}
		 * @return the step id, empty if malformed
		 */
		public static Optional<StepId> parse(String id) {
			int colon = id.lastIndexOf(':');
			if (colon < 0) {
				return Optional.empty();
			}
			try {
				return Optional.of(new StepId(new OrderId(java.util.UUID.fromString(id.substring(0, colon))),
						Long.parseLong(id.substring(colon + 1))));
			}
			catch (IllegalArgumentException ex) {
				return Optional.empty();
			}
		}

		@Override
		public String toString() {
			return this.orderId.value() + ":" + this.sequence;
		}

	}

	/** Where a subscriber's steps go; called by one thread at a time. */
	public interface StepSink {

		/**
		 * @param step the next step
		 * @throws IOException if the client is gone
		 */
		void step(SagaStep step) throws IOException;

		/**
		 * Keeps an idle stream open.
		 * @throws IOException if the client is gone
		 */
		void heartbeat() throws IOException;

		/** The stream is complete: the order reached its terminal step. */
		void complete();

		/**
		 * The stream was dropped.
		 * @param reason why
		 */
		void dropped(String reason);

	}

	/** An open stream: cancel it when the client goes. */
	public interface Subscription {

		/** Stops the stream's steps; idempotent. */
		void cancel();

	}

	private final class Subscriber implements Subscription {

		private final StepSink sink;

		private final boolean endAfterTerminal;

		private final ArrayBlockingQueue<Object> queue = new ArrayBlockingQueue<>(BUFFER);

		private final AtomicBoolean draining = new AtomicBoolean();

		private final AtomicBoolean ended = new AtomicBoolean();

		/** The last sequence sent per order; touched only by the draining thread. */
		private final Map<OrderId, Long> last = new ConcurrentHashMap<>();

		private Runnable unregister = () -> {
		};

		private volatile List<SagaStep> replay = List.of();

		private volatile boolean started;

		private volatile boolean finished;

		Subscriber(StepSink sink, boolean endAfterTerminal) {
			this.sink = sink;
			this.endAfterTerminal = endAfterTerminal;
		}

		void start(List<SagaStep> replay, boolean finished) {
			this.replay = replay;
			this.finished = finished;
			this.started = true;
			schedule();
		}

		void offer(Object item) {
			if (this.ended.get()) {
				return;
			}
			if (!this.queue.offer(item)) {
				log.info("Dropped a stream: {} steps waiting for a slow client", BUFFER);
				end();
				execute(() -> this.sink.dropped("the client read too slowly; resume with Last-Event-ID"));
				return;
			}
			schedule();
		}

		private void schedule() {
			if (this.started && !this.ended.get() && this.draining.compareAndSet(false, true)) {
				try {
					StepFeed.this.senders.execute(this::drain);
				}
				catch (RuntimeException ex) {
					this.draining.set(false);
				}
			}
		}

		private void drain() {
			try {
				List<SagaStep> replaying = this.replay;
				this.replay = List.of();
				for (SagaStep step : replaying) {
					send(step);
				}
				if (this.finished) {
					end();
					this.sink.complete();
					return;
				}
				Object item;
				while (!this.ended.get() && (item = this.queue.poll()) != null) {
					if (item == HEARTBEAT) {
						this.sink.heartbeat();
					}
					else if (item == CLOSE) {
						end();
						this.sink.complete();
						return;
					}
					else {
						send((SagaStep) item);
					}
				}
			}
			catch (IOException | RuntimeException ex) {
				log.debug("A stream's client went away: {}", ex.toString());
				end();
				return;
			}
			finally {
				this.draining.set(false);
			}
			if (!this.queue.isEmpty()) {
				schedule();
			}
		}

		private void send(SagaStep step) throws IOException {
			if (step.sequence() <= this.last.getOrDefault(step.orderId(), 0L)) {
				return;
			}
			this.last.put(step.orderId(), step.sequence());
			this.sink.step(step);
			if (this.endAfterTerminal && step.terminal() && !this.finished) {
				StepFeed.this.heartbeats.schedule(() -> offer(CLOSE), TERMINAL_GRACE.toMillis(), TimeUnit.MILLISECONDS);
			}
		}

		void end() {
			if (this.ended.compareAndSet(false, true)) {
				this.unregister.run();
				StepFeed.this.all.remove(this);
				this.queue.clear();
			}
		}

		@Override
		public void cancel() {
			end();
		}

	}

}
