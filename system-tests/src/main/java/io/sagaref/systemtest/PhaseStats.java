package io.sagaref.systemtest;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAccumulator;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import tools.jackson.databind.JsonNode;

/**
 * What one load phase saw: counts at the door, outcomes, the latency from sending
 * {@code POST /api/orders} to the terminal status being visible in the read model, and
 * the latency of each saga step from the view's timeline. Safe for concurrent use.
 */
final class PhaseStats {

	private static final long MAX_MICROS = 10L * 60 * 1_000_000;

	final String name;

	final AtomicLong sent = new AtomicLong();

	final AtomicLong accepted = new AtomicLong();

	final AtomicLong refused = new AtomicLong();

	final AtomicLong errors = new AtomicLong();

	final AtomicLong unexpected = new AtomicLong();

	final AtomicLong lateSendMicros = new AtomicLong();

	final AtomicLong statusPolls = new AtomicLong();

	final AtomicLong viewReads = new AtomicLong();

	final AtomicLong observerFailures = new AtomicLong();

	final ConcurrentMap<String, AtomicLong> outcomes = new ConcurrentHashMap<>();

	final ConcurrentMap<Integer, AtomicLong> errorStatuses = new ConcurrentHashMap<>();

	final Histogram latency = newHistogram();

	final ConcurrentMap<String, Histogram> stages = new ConcurrentHashMap<>();

	final List<String> acceptedIds = Collections.synchronizedList(new ArrayList<>());

	private final List<Seen> seen = Collections.synchronizedList(new ArrayList<>());

	private final LongAccumulator firstSend = new LongAccumulator(Math::min, Long.MAX_VALUE);

	private final LongAccumulator lastTerminal = new LongAccumulator(Math::max, Long.MIN_VALUE);

	final AtomicLong terminal = new AtomicLong();

	long stuck;

	/** An order seen terminal: when it was sent and how long it took. */
	private record Seen(String orderId, Instant sentAt, long totalMicros) {
	}

	PhaseStats(String name) {
		this.name = name;
	}

	static Histogram newHistogram() {
		return new ConcurrentHistogram(MAX_MICROS, 3);
	}

	void sending(long nanos) {
		this.sent.incrementAndGet();
		this.firstSend.accumulate(nanos);
	}

	void error(int status) {
		this.errors.incrementAndGet();
		this.errorStatuses.computeIfAbsent(status, (s) -> new AtomicLong()).incrementAndGet();
	}

	/**
	 * Records an order seen terminal in the read model.
	 * @param sentNanos when its POST was sent
	 * @param sentAt the same as wall-clock time
	 * @param seenNanos when its terminal view was read
	 * @param view the view
	 * @param kind the expected outcome
	 */
	void terminal(long sentNanos, Instant sentAt, long seenNanos, JsonNode view, Workload.Kind kind) {
		String status = view.path("status").asString();
		String reason = view.path("rejectionReason").asString("");
		String outcome = reason.isEmpty() ? status : status + " " + reason;
		this.outcomes.computeIfAbsent(outcome, (o) -> new AtomicLong()).incrementAndGet();
		String expected = switch (kind) {
			case CONFIRM -> "CONFIRMED";
			case DECLINE -> "REJECTED INSUFFICIENT_FUNDS";
			case OUT_OF_STOCK -> "REJECTED OUT_OF_STOCK";
		};
		if (!outcome.equals(expected)) {
			this.unexpected.incrementAndGet();
		}
		this.latency.recordValue(clamp((seenNanos - sentNanos) / 1_000));
		this.terminal.incrementAndGet();
		this.lastTerminal.accumulate(seenNanos);
		this.seen.add(new Seen(view.path("orderId").asString(), sentAt, (seenNanos - sentNanos) / 1_000));
	}

	/**
	 * Fills the per-step histograms from the complete timelines, read again once the
	 * phase is over (when an order is first seen terminal, events of other services may
	 * not be in its view yet). Each step is from the previous event (or the send) to an
	 * event, in time order; the last is from order-service's terminal event to the moment
	 * the benchmark saw the order terminal.
	 * @param api the gateway
	 * @param max most orders to read, spread evenly over the phase
	 */
	void readStages(SagaApi api, int max) {
		List<Seen> all = List.copyOf(this.seen);
		int step = Math.max(1, all.size() / Math.max(1, max));
		for (int i = 0; i < all.size(); i += step) {
			Seen order = all.get(i);
			HttpResult view = api.get("/api/orders/" + order.orderId());
			if (view.status() == 200) {
				timeline(order, view.json().path("timeline"));
			}
		}
	}

	private void timeline(Seen order, JsonNode timeline) {
		List<JsonNode> events = new ArrayList<>();
		timeline.forEach(events::add);
		events.sort(Comparator.comparing((JsonNode e) -> Instant.parse(e.path("at").asString())));
		Instant previous = order.sentAt();
		String previousType = "send";
		Instant end = null;
		String endType = null;
		for (JsonNode event : events) {
			Instant at = Instant.parse(event.path("at").asString());
			String type = event.path("type").asString();
			stage(previousType + " -> " + type).recordValue(clamp(Duration.between(previous, at).toNanos() / 1_000));
			if (event.path("source").asString().equals("order-service") && !type.equals("OrderPlaced")) {
				end = at;
				endType = type;
			}
			previous = at;
			previousType = type;
		}
		if (end != null) {
			long endMicros = Duration.between(order.sentAt(), end).toNanos() / 1_000;
			stage(endType + " -> seen in read model").recordValue(clamp(order.totalMicros() - endMicros));
		}
	}

	private Histogram stage(String name) {
		return this.stages.computeIfAbsent(name, (n) -> newHistogram());
	}

	private static long clamp(long micros) {
		return Math.max(0, Math.min(micros, MAX_MICROS));
	}

	/**
	 * @return seconds from the first send to the last terminal order seen
	 */
	double elapsedSeconds() {
		if (this.terminal.get() == 0) {
			return 0;
		}
		return (this.lastTerminal.get() - this.firstSend.get()) / 1e9;
	}

	/**
	 * @return completed sagas per second over {@link #elapsedSeconds()}
	 */
	double sagasPerSecond() {
		double seconds = elapsedSeconds();
		return (seconds > 0) ? this.terminal.get() / seconds : 0;
	}

	/**
	 * @return the stages by how often they occurred, most frequent first
	 */
	Map<String, Histogram> sortedStages() {
		Map<String, Histogram> sorted = new TreeMap<>((a, b) -> {
			int byCount = Long.compare(this.stages.get(b).getTotalCount(), this.stages.get(a).getTotalCount());
			return (byCount != 0) ? byCount : a.compareTo(b);
		});
		sorted.putAll(this.stages);
		return sorted;
	}

	long timedOut() {
		AtomicLong count = this.outcomes.get("REJECTED TIMED_OUT");
		return (count != null) ? count.get() : 0;
	}

}
