package io.sagaref.orderquery.application;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import io.sagaref.orderquery.OrderId;
import io.sagaref.orderquery.OrderView;
import io.sagaref.orderquery.OrderViews;
import io.sagaref.orderquery.OrderViews.OrderDetails;
import io.sagaref.orderquery.RecordedEvent;
import io.sagaref.orderquery.SagaEvent.OrderPlaced;
import io.sagaref.orderquery.TimelineEntry;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Single views with their timelines in memory (bounded, {@code saga.read-model.cache.*}),
 * kept current by the event stream: {@link ViewCacheFeeder} hands every event of the
 * three topics, on every instance, to {@link #apply}, which folds it into the cached view
 * with the same {@link OrderView#apply} as the projection. A cached view is never changed
 * in place; each change puts a new copy.
 * <p>
 * <b>Only the feed fills the cache; a read that misses answers from Postgres and puts
 * nothing.</b> The race that rules it out: a read takes a view from Postgres, the feed
 * then passes an event of that order that the projection has not committed yet (the order
 * is not cached, so the feed has nothing to fold it into), and the read puts its view:
 * the cache would hold a view without that event, and no later event would bring it back.
 * The feed has no such race, because it hands out an event only once the projection has
 * committed every event before it ({@link io.sagaref.orderquery.EventHistory.Feed}): a
 * view it loads from Postgres for an event therefore holds everything the feed passed
 * before (even if the order was cached once and evicted), and any later event is folded
 * by the feed itself. An {@code OrderPlaced} with sequence 1 for an order not cached
 * starts a fresh view without asking Postgres: it is each order's first event, every
 * other event of an order being caused by it. Orders with no event since the instance
 * started are answered from Postgres.
 */
@Component
public class ViewCache {

	private static final Comparator<TimelineEntry> TIMELINE_ORDER = Comparator.comparing(TimelineEntry::at)
		.thenComparing(TimelineEntry::source)
		.thenComparingLong(TimelineEntry::sequence);

	private final OrderViews views;

	private final @Nullable Cache<OrderId, OrderDetails> cache;

	public ViewCache(OrderViews views, ReadModelSettings settings, MeterRegistry meters) {
		this.views = views;
		if (settings.cache().enabled()) {
			Cache<OrderId, OrderDetails> cache = Caffeine.newBuilder()
				.maximumSize(settings.cache().maxViews())
				.recordStats()
				.build();
			CaffeineCacheMetrics.monitor(meters, cache, "order_views");
			this.cache = cache;
		}
		else {
			this.cache = null;
		}
	}

	/**
	 * @return whether views are kept in memory at all
	 */
	public boolean enabled() {
		return this.cache != null;
	}

	/**
	 * @param orderId an order
	 * @return its view and timeline from memory, if held
	 */
	public Optional<OrderDetails> get(OrderId orderId) {
		return (this.cache != null) ? Optional.ofNullable(this.cache.getIfPresent(orderId)) : Optional.empty();
	}

	/**
	 * Forgets every view (after a rebuild replaced the tables).
	 */
	public void clear() {
		if (this.cache != null) {
			this.cache.invalidateAll();
		}
	}

	/**
	 * Folds events from the feed into the cached views, loading a view not held from
	 * Postgres first (or starting it fresh from its OrderPlaced #1).
	 * @param events the feed's next events, in the order of each partition
	 * @return the orders whose views changed
	 */
	Set<OrderId> apply(List<RecordedEvent> events) {
		Cache<OrderId, OrderDetails> cache = this.cache;
		if (cache == null) {
			return Set.of();
		}
		Map<OrderId, Working> working = new LinkedHashMap<>();
		for (RecordedEvent event : events) {
			Working view = working.computeIfAbsent(event.orderId(), (id) -> load(cache, event));
			if (view.view.apply(event)) {
				view.timeline.add(TimelineEntry.of(event));
				view.changed = true;
			}
		}
		working.forEach((id, view) -> {
			view.timeline.sort(TIMELINE_ORDER);
			cache.put(id, new OrderDetails(view.view, List.copyOf(view.timeline)));
		});
		return working.entrySet()
			.stream()
			.filter((entry) -> entry.getValue().changed)
			.map(Map.Entry::getKey)
			.collect(java.util.stream.Collectors.toSet());
	}

	private Working load(Cache<OrderId, OrderDetails> cache, RecordedEvent first) {
		OrderDetails cached = cache.getIfPresent(first.orderId());
		if (cached == null && !(first.event() instanceof OrderPlaced && first.sequence() == 1)) {
			cached = this.views.details(first.orderId()).orElse(null);
		}
		return (cached != null) ? new Working(cached.view().copy(), new ArrayList<>(cached.timeline()))
				: new Working(new OrderView(first.orderId()), new ArrayList<>());
	}

	/** A view being folded, copied from the one readers see. */
	private static final class Working {

		private final OrderView view;

		private final List<TimelineEntry> timeline;

		private boolean changed;

		Working(OrderView view, List<TimelineEntry> timeline) {
			this.view = view;
			this.timeline = timeline;
		}

	}

}
