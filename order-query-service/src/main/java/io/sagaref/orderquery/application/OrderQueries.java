package io.sagaref.orderquery.application;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import io.sagaref.orderquery.CustomerId;
import io.sagaref.orderquery.OrderId;
import io.sagaref.orderquery.OrderStatus;
import io.sagaref.orderquery.OrderView;
import io.sagaref.orderquery.OrderViews;
import io.sagaref.orderquery.OrderViews.OrderDetails;
import io.sagaref.orderquery.OrderViews.ViewPage;
import io.sagaref.orderquery.RecordedEvent;
import io.sagaref.orderquery.Source;
import io.sagaref.orderquery.TimelineEntry;
import io.sagaref.web.ReadToken;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Answers questions about orders from the read model alone; never asks another service.
 * Each answer reads one snapshot, so a view and its timeline, or a page and its count,
 * always agree even while events are being applied: a view with its timeline is one
 * statement (or one immutable entry of the {@link ViewCache}), a page and its count one
 * repeatable-read transaction.
 * <p>
 * Read-your-writes: given a read token of order-service, a query first waits until the
 * view of the token's order holds that version (its last order-service sequence), parked
 * on {@link ViewChanges} and re-checking the store every {@value #RECHECK_MILLIS} ms, for
 * at most {@code saga.read-model.read-token-wait}; tokens of other services are trivially
 * included (the read model holds no account or product state).
 */
@Service
public class OrderQueries {

	private static final long RECHECK_MILLIS = 200;

	private final OrderViews views;

	private final ViewCache cache;

	private final ViewChanges changes;

	private final ReadModelProgress progress;

	private final Duration readTokenWait;

	private final TransactionTemplate snapshot;

	public OrderQueries(OrderViews views, ViewCache cache, ViewChanges changes, ReadModelProgress progress,
			ReadModelSettings settings, PlatformTransactionManager transactions) {
		this.views = views;
		this.cache = cache;
		this.changes = changes;
		this.progress = progress;
		this.readTokenWait = settings.readTokenWait();
		this.snapshot = new TransactionTemplate(transactions);
		this.snapshot.setReadOnly(true);
		this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
	}

	/**
	 * @param orderId the order
	 * @param token a read token the answer must include, if given
	 * @return its view with its timeline, from memory if held
	 * @throws NoSuchElementException if no event about the order has arrived yet
	 * @throws ReadToken.NotYetVisibleException if the token's write did not become
	 * visible in time
	 */
	public OrderDetails get(OrderId orderId, @Nullable ReadToken token) {
		OrderId written = writtenOrder(token);
		if (written != null && token != null) {
			OrderDetails including = await(token, written, () -> includingInMemoryOrStored(written, token.version()));
			if (written.equals(orderId)) {
				return including;
			}
		}
		return this.cache.get(orderId).or(() -> this.views.details(orderId)).orElseThrow(() -> notFound(orderId));
	}

	/**
	 * @param orderId the order
	 * @param asOf an instant
	 * @param token a read token the answer must include, if given
	 * @return its view and timeline as they stood then: the stored events that had
	 * happened by then, folded again (never from memory)
	 * @throws NoSuchElementException if no event about the order had happened by then
	 */
	public OrderDetails at(OrderId orderId, Instant asOf, @Nullable ReadToken token) {
		awaitStored(token);
		List<RecordedEvent> happened = this.views.history(orderId)
			.stream()
			.filter((event) -> !event.occurredAt().isAfter(asOf))
			.toList();
		if (happened.isEmpty()) {
			throw new NoSuchElementException("No order " + orderId + " in the read model as of " + asOf
					+ " (unknown, or its first event happened later)");
		}
		var view = new OrderView(orderId);
		// each source in its own order; sources are independent of each other
		happened.stream()
			.sorted(Comparator.comparing(RecordedEvent::source).thenComparingLong(RecordedEvent::sequence))
			.forEach(view::apply);
		return new OrderDetails(view, happened.stream().map(TimelineEntry::of).toList());
	}

	/**
	 * @param customerId only this customer's orders, if given
	 * @param status only orders in this status, if given
	 * @param page the page, from 0
	 * @param size the page size
	 * @param token a read token the answer must include, if given
	 * @return the page of views, newest order first; views of orders whose OrderPlaced
	 * has not arrived yet come last
	 */
	public ViewPage find(@Nullable CustomerId customerId, @Nullable OrderStatus status, int page, int size,
			@Nullable ReadToken token) {
		awaitStored(token);
		return this.snapshot.execute((tx) -> this.views.page(customerId, status, page, size));
	}

	/**
	 * @return when the newest event the read model has stored happened
	 */
	public Optional<Instant> readModelAsOf() {
		return this.progress.asOf();
	}

	private void awaitStored(@Nullable ReadToken token) {
		OrderId written = writtenOrder(token);
		if (written != null && token != null) {
			await(token, written, () -> (this.views.lastSequence(written, Source.ORDER_SERVICE) >= token.version())
					? Optional.of(Boolean.TRUE) : Optional.empty());
		}
	}

	private Optional<OrderDetails> includingInMemoryOrStored(OrderId orderId, long version) {
		return this.cache.get(orderId)
			.filter((details) -> includes(details, version))
			.or(() -> this.views.details(orderId).filter((details) -> includes(details, version)));
	}

	private static boolean includes(OrderDetails details, long version) {
		return details.view().lastSequence(Source.ORDER_SERVICE) >= version;
	}

	private <T> T await(ReadToken token, OrderId orderId, Supplier<Optional<T>> visible) {
		Optional<T> found = visible.get();
		if (found.isPresent()) {
			return found.get();
		}
		long deadline = System.nanoTime() + this.readTokenWait.toNanos();
		while (true) {
			// listen first, then look: a change between the two is not missed
			CompletableFuture<Void> change = this.changes.next(orderId);
			found = visible.get();
			if (found.isPresent()) {
				this.changes.forget(orderId, change);
				return found.get();
			}
			long remaining = deadline - System.nanoTime();
			if (remaining <= 0) {
				this.changes.forget(orderId, change);
				throw new ReadToken.NotYetVisibleException(token, this.readTokenWait);
			}
			try {
				change.get(Math.min(remaining, TimeUnit.MILLISECONDS.toNanos(RECHECK_MILLIS)), TimeUnit.NANOSECONDS);
			}
			catch (TimeoutException | ExecutionException ex) {
				// re-check the store: another instance may have stored it
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new ReadToken.NotYetVisibleException(token, this.readTokenWait);
			}
		}
	}

	/**
	 * @return the order whose view must include the token's write, null if the token is
	 * trivially included
	 */
	private static @Nullable OrderId writtenOrder(@Nullable ReadToken token) {
		if (token == null || !token.source().equals(Source.ORDER_SERVICE.serviceName()) || token.version() == 0) {
			return null;
		}
		return OrderId.of(token.id());
	}

	private static NoSuchElementException notFound(OrderId orderId) {
		return new NoSuchElementException(
				"No order " + orderId + " in the read model (unknown, or its first event has not arrived yet)");
	}

}
