package io.sagaref.order.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Supplier;

import io.sagaref.eventstore.ConcurrencyConflictException;
import io.sagaref.order.Catalog;
import io.sagaref.order.HistoryEntry;
import io.sagaref.order.Money;
import io.sagaref.order.Order;
import io.sagaref.order.OrderId;
import io.sagaref.order.OrderLine;
import io.sagaref.order.OrderStatus;
import io.sagaref.order.Orders;
import io.sagaref.order.PendingOrders;
import io.sagaref.order.RejectionReason;
import io.sagaref.order.RequestKey;
import io.sagaref.order.StateRebuilt;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionOperations;

/**
 * The use cases of an order: place it, end its saga as the participants answer, cancel
 * it, time it out, and read its history. Each change runs in one transaction that locks
 * the order, folds its stream, appends the events the change causes (published from the
 * store) and updates the order's current state. Should the stream have moved on anyway (a
 * concurrency conflict), a request's command runs once more on the new state; a consumed
 * event's command is retried by the consumer's error policy instead, as it runs in the
 * consumer's transaction.
 */
@Service
public class OrderService {

	private final Orders orders;

	private final Catalog catalog;

	private final EventPublisher events;

	private final TransactionOperations transactions;

	private final OrderSettings settings;

	private final Clock clock;

	private final Admission admission;

	OrderService(Orders orders, Catalog catalog, EventPublisher events, TransactionOperations transactions,
			OrderSettings settings, AdmissionSettings admission, Clock clock) {
		this.orders = orders;
		this.catalog = catalog;
		this.events = events;
		this.transactions = transactions;
		this.settings = settings;
		this.clock = clock;
		this.admission = new Admission(() -> orders.pendingOrders(), admission, clock);
	}

	/**
	 * Places an order priced from the catalog replica and emits OrderPlaced, or, for a
	 * request repeated under the same idempotency key, returns the order it placed.
	 * @param command the request
	 * @return the new or the earlier order
	 * @throws IllegalArgumentException for an unknown sku, a broken order rule, or a key
	 * reused for a different request
	 * @throws SagaBacklogFullException if the sagas already running would not leave a new
	 * one time to finish (a repeated request is still answered)
	 */
	public Order place(PlaceOrder command) {
		RequestKey requestKey = command.requestKey();
		try {
			return inTransaction(() -> placeOrReplay(command, requestKey));
		}
		catch (DataIntegrityViolationException ex) {
			if (requestKey == null) {
				throw ex;
			}
			// a concurrent request with the same key committed first: answer with its
			// order
			return inTransaction(() -> replay(requestKey).orElseThrow(() -> ex));
		}
	}

	private Order placeOrReplay(PlaceOrder command, @Nullable RequestKey requestKey) {
		if (requestKey != null) {
			Optional<Order> earlier = replay(requestKey);
			if (earlier.isPresent()) {
				return earlier.get();
			}
		}
		this.admission.admit();
		Order order = Order.place(OrderId.random(), command.customerId(), price(command.lines()), requestKey,
				command.callbackUrl(), this.clock.instant());
		return store(order);
	}

	private Optional<Order> replay(RequestKey requestKey) {
		return this.orders.findByIdempotencyKey(requestKey.key()).map((order) -> {
			if (!order.wasPlacedBy(requestKey)) {
				throw new IllegalArgumentException(
						"Idempotency-Key '" + requestKey.key() + "' was already used for a different request");
			}
			return order;
		});
	}

	private List<OrderLine> price(List<PlaceOrder.Line> requested) {
		Map<String, Money> prices = this.catalog.pricesOf(requested.stream().map(PlaceOrder.Line::sku).toList());
		TreeSet<String> unknown = new TreeSet<>();
		List<OrderLine> lines = new ArrayList<>(requested.size());
		for (PlaceOrder.Line line : requested) {
			Money price = prices.get(line.sku());
			if (price == null) {
				unknown.add(line.sku());
			}
			else {
				lines.add(new OrderLine(line.sku(), line.quantity(), price));
			}
		}
		if (!unknown.isEmpty()) {
			throw new IllegalArgumentException("Unknown sku: " + String.join(", ", unknown)
					+ " (a product registered a moment ago reaches the order catalog within a second)");
		}
		return lines;
	}

	/**
	 * Cancels a PENDING or CONFIRMED order and emits OrderCancelled; a cancelled order
	 * stays as it is.
	 * @param orderId the order
	 * @return the cancelled order
	 * @throws NoSuchElementException if there is no such order
	 * @throws IllegalStateException if the order was rejected, or if its stream moved on
	 * twice while cancelling
	 */
	public Order cancel(OrderId orderId) {
		return retriedOnceOnConflict(() -> inTransaction(() -> {
			Order order = this.orders.lockById(orderId).orElseThrow(() -> notFound(orderId));
			order.cancel(this.clock.instant());
			return store(order);
		}));
	}

	/**
	 * Confirms the order once stock is reserved; nothing happens if it already ended.
	 * @param orderId the order
	 */
	@Transactional
	public void confirm(OrderId orderId) {
		Order order = this.orders.lockById(orderId).orElseThrow(() -> notFound(orderId));
		if (order.isPending()) {
			order.confirm(this.clock.instant());
			store(order);
		}
	}

	/**
	 * Rejects the order as a participant refused it; nothing happens if it already ended.
	 * @param orderId the order
	 * @param reason why
	 */
	@Transactional
	public void reject(OrderId orderId, RejectionReason reason) {
		Order order = this.orders.lockById(orderId).orElseThrow(() -> notFound(orderId));
		if (order.isPending()) {
			order.reject(reason, this.clock.instant());
			store(order);
		}
	}

	/**
	 * Locks the orders that the events of one consumed batch will change, in one
	 * statement, before any of them is handled.
	 * @param orderIds the orders
	 */
	@Transactional
	public void lockForChange(Collection<OrderId> orderIds) {
		if (!orderIds.isEmpty()) {
			this.orders.lockAll(orderIds);
		}
	}

	/**
	 * Rejects TIMED_OUT one batch of orders PENDING for longer than the deadline. Orders
	 * another transaction holds are skipped, so instances share the work.
	 * @return how many orders were rejected
	 */
	@Transactional
	public int rejectOverdue() {
		var now = this.clock.instant();
		List<Order> overdue = this.orders.lockPendingPlacedBefore(now.minus(this.settings.deadline()),
				this.settings.deadlineBatchSize());
		for (Order order : overdue) {
			order.reject(RejectionReason.TIMED_OUT, now);
			store(order);
		}
		return overdue.size();
	}

	/**
	 * @param orderId the order
	 * @return its status, read in one statement (no transaction needed)
	 */
	public OrderStatus status(OrderId orderId) {
		return this.orders.statusOf(orderId).orElseThrow(() -> notFound(orderId));
	}

	/**
	 * @param orderId the order
	 * @return the order folded from its stream
	 */
	@Transactional(readOnly = true)
	public Order order(OrderId orderId) {
		return this.orders.findById(orderId).orElseThrow(() -> notFound(orderId));
	}

	/**
	 * @param orderId the order
	 * @param asOf the instant
	 * @return the order as it stood then, folded from the events recorded until then
	 * @throws NoSuchElementException if it had not been placed by then
	 */
	@Transactional(readOnly = true)
	public Order orderAsOf(OrderId orderId, Instant asOf) {
		return this.orders.findAsOf(orderId, asOf)
			.orElseThrow(() -> new NoSuchElementException("No order " + orderId + " as of " + asOf));
	}

	/**
	 * @param orderId the order
	 * @return the events of its stream, oldest first
	 * @throws NoSuchElementException if there is no such order
	 */
	@Transactional(readOnly = true)
	public List<HistoryEntry> history(OrderId orderId) {
		List<HistoryEntry> history = this.orders.history(orderId);
		if (history.isEmpty()) {
			throw notFound(orderId);
		}
		return history;
	}

	/**
	 * Derives the current state of every order again from its stream alone (an operator's
	 * repair, and the proof that the rows hold nothing the streams do not). One
	 * transaction: commands wait until it commits.
	 * @return how much was folded
	 */
	@Transactional
	public StateRebuilt rebuildState() {
		return this.orders.rebuildCurrentState();
	}

	/**
	 * @param olderThan how long the orders have been waiting at least
	 * @param limit most orders to return
	 * @return PENDING orders placed longer ago than {@code olderThan}, oldest first
	 */
	@Transactional(readOnly = true)
	public List<Order> stuck(Duration olderThan, int limit) {
		return this.orders.findPendingPlacedBefore(this.clock.instant().minus(olderThan), limit);
	}

	/**
	 * @return how many sagas are running and since when the oldest one is
	 */
	@Transactional(readOnly = true)
	public PendingOrders pendingOrders() {
		return this.orders.pendingOrders();
	}

	private Order store(Order order) {
		Order stored = this.orders.save(order);
		this.events.publish(order);
		return stored;
	}

	private static <T> T retriedOnceOnConflict(Supplier<T> command) {
		try {
			return command.get();
		}
		catch (ConcurrencyConflictException ex) {
			return command.get();
		}
	}

	private <T> T inTransaction(Supplier<T> work) {
		T result = this.transactions.execute((status) -> work.get());
		if (result == null) {
			throw new IllegalStateException("The transaction returned no result");
		}
		return result;
	}

	private static NoSuchElementException notFound(OrderId orderId) {
		return new NoSuchElementException("No order " + orderId);
	}

}
