package io.sagaref.orderquery.application;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.sagaref.orderquery.CustomerId;
import io.sagaref.orderquery.InMemoryOrderViews;
import io.sagaref.orderquery.Line;
import io.sagaref.orderquery.Money;
import io.sagaref.orderquery.OrderId;
import io.sagaref.orderquery.OrderStatus;
import io.sagaref.orderquery.OrderView;
import io.sagaref.orderquery.OrderViews.ViewChange;
import io.sagaref.orderquery.RecordedEvent;
import io.sagaref.orderquery.SagaEvent;
import io.sagaref.orderquery.SagaEvent.OrderConfirmed;
import io.sagaref.orderquery.SagaEvent.OrderPlaced;
import io.sagaref.orderquery.SagaEvent.PaymentCompleted;
import io.sagaref.orderquery.SagaEvent.StockRejected;
import io.sagaref.orderquery.Shortage;
import io.sagaref.orderquery.TimelineEntry;
import org.junit.jupiter.api.Test;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The projection's decisions, without a database: which events of a transaction are
 * folded, when, and what is written back. Transactions are run the way the event router
 * runs them (a {@link TransactionTemplate}), over a transaction manager without a
 * database, so the projection's commit hook fires as it does in production.
 */
class OrderProjectionTest {

	private static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");

	private static final CustomerId CUSTOMER = CustomerId.random();

	private final InMemoryOrderViews views = new InMemoryOrderViews();

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final ViewChanges changes = new ViewChanges();

	private final StepFeed feed = new StepFeed(this.views, this.meters);

	private final OrderProjection projection = new OrderProjection(this.views,
			new ReadModelProgress(this.views, this.meters), this.changes, this.feed);

	private final TransactionTemplate transactions = new TransactionTemplate(new NoDatabase());

	private int clock;

	@Test
	void foldsTheEventsOfATransactionWhenItCommitsWithOneReadAndOneWrite() {
		OrderId first = OrderId.random();
		OrderId second = OrderId.random();

		this.transactions.executeWithoutResult((status) -> {
			apply(placed(first), paid(first, 1), placed(second), confirmed(first, 2), paid(second, 1));
			assertThat(this.views.locks()).as("nothing is read before the commit").isZero();
		});

		assertThat(this.views.locks()).isEqualTo(1);
		assertThat(this.views.saves()).hasSize(1);
		assertThat(this.views.saves().get(0)).extracting((change) -> change.view().orderId())
			.containsExactly(first, second);
		assertThat(this.views.timeline()).extracting(TimelineEntry::type)
			.containsExactly("OrderPlaced", "PaymentCompleted", "OrderPlaced", "OrderConfirmed", "PaymentCompleted");
		OrderView view = this.views.details(first).orElseThrow().view();
		assertThat(view.status()).isEqualTo(OrderStatus.CONFIRMED);
		assertThat(view.total()).isEqualTo(Money.of("25.00"));
		assertThat(view.version()).as("stored once").isEqualTo(1);
	}

	@Test
	void pushesTheStepsOfATransactionOnlyOnceItCommitted() {
		OrderId order = OrderId.random();
		inOneTransaction(placed(order));
		List<SagaStep> pushed = new java.util.concurrent.CopyOnWriteArrayList<>();
		this.feed.order(order, 0, new StepFeed.StepSink() {

			@Override
			public void step(SagaStep step) {
				pushed.add(step);
			}

			@Override
			public void heartbeat() {
			}

			@Override
			public void complete() {
			}

			@Override
			public void dropped(String reason) {
			}

		}).orElseThrow();
		org.awaitility.Awaitility.await().until(() -> pushed.size() == 1);

		this.transactions.executeWithoutResult((status) -> {
			apply(paid(order, 1));
			status.setRollbackOnly();
		});
		this.transactions.executeWithoutResult((status) -> {
			apply(confirmed(order, 2));
			assertThat(pushed).as("nothing is pushed before the commit").hasSize(1);
		});

		org.awaitility.Awaitility.await().until(() -> pushed.size() == 2);
		assertThat(pushed).extracting(SagaStep::type).containsExactly("OrderPlaced", "OrderConfirmed");
		assertThat(pushed).extracting(SagaStep::sequence).containsExactly(1L, 2L);
		assertThat(pushed.getLast().status()).isEqualTo(OrderStatus.CONFIRMED);
	}

	@Test
	void writesNothingWhenEveryEventOfTheTransactionIsStale() {
		OrderId order = OrderId.random();
		RecordedEvent confirmed = confirmed(order, 2);
		inOneTransaction(placed(order), confirmed);

		inOneTransaction(confirmed(order, 2), event(new SagaEvent.OrderRejected(order, CUSTOMER, "TIMED_OUT"), 1));

		assertThat(this.views.saves()).hasSize(1);
		assertThat(this.views.timeline()).hasSize(2);
		assertThat(this.views.details(order).orElseThrow().view().status()).isEqualTo(OrderStatus.CONFIRMED);
	}

	@Test
	void leavesStaleEventsOutOfTheTimelineWhileApplyingTheFreshOnes() {
		OrderId order = OrderId.random();
		inOneTransaction(placed(order), confirmed(order, 2));

		inOneTransaction(confirmed(order, 2), paid(order, 1));

		assertThat(this.views.timeline()).extracting(TimelineEntry::type)
			.containsExactly("OrderPlaced", "OrderConfirmed", "PaymentCompleted");
	}

	@Test
	void rewritesLinesAndShortagesOnlyWhenTheyChanged() {
		OrderId order = OrderId.random();

		inOneTransaction(placed(order));
		inOneTransaction(paid(order, 1));
		inOneTransaction(event(new StockRejected(order, "OUT_OF_STOCK", List.of(new Shortage("BOOK-1", 2, 1))), 1));

		List<ViewChange> changes = this.views.saves().stream().flatMap(Collection::stream).toList();
		assertThat(changes).extracting(ViewChange::linesChanged).containsExactly(true, false, false);
		assertThat(changes).extracting(ViewChange::shortagesChanged).containsExactly(false, false, true);
	}

	@Test
	void aTransactionThatLosesARaceForAViewKeepsNoEventsForTheNext() {
		OrderId order = OrderId.random();
		var racing = new InMemoryOrderViews() {

			private boolean lost;

			@Override
			public void saveAll(Collection<ViewChange> changes, List<RecordedEvent> applied) {
				if (!this.lost) {
					this.lost = true;
					throw new OptimisticLockingFailureException("another transaction stored the view first");
				}
				super.saveAll(changes, applied);
			}

		};
		var projection = new OrderProjection(racing, new ReadModelProgress(racing, new SimpleMeterRegistry()),
				new ViewChanges(), new StepFeed(racing, new SimpleMeterRegistry()));

		assertThatExceptionOfType(OptimisticLockingFailureException.class)
			.isThrownBy(() -> this.transactions.executeWithoutResult((status) -> projection.apply(placed(order))));
		this.transactions.executeWithoutResult((status) -> projection.apply(paid(order, 1)));

		assertThat(racing.timeline()).extracting(TimelineEntry::type).containsExactly("PaymentCompleted");
		assertThat(racing.details(order).orElseThrow().view().status()).as("the lost OrderPlaced is not applied")
			.isNull();
	}

	private void inOneTransaction(RecordedEvent... events) {
		this.transactions.executeWithoutResult((status) -> apply(events));
	}

	private void apply(RecordedEvent... events) {
		for (RecordedEvent event : events) {
			this.projection.apply(event);
		}
	}

	private RecordedEvent placed(OrderId order) {
		return event(
				new OrderPlaced(order, CUSTOMER, List.of(new Line("BOOK-1", 2, Money.of("12.50"))), Money.of("25.00")),
				1);
	}

	private RecordedEvent confirmed(OrderId order, long sequence) {
		return event(new OrderConfirmed(order, CUSTOMER), sequence);
	}

	private RecordedEvent paid(OrderId order, long sequence) {
		return event(new PaymentCompleted(order, CUSTOMER, Money.of("25.00")), sequence);
	}

	private RecordedEvent event(SagaEvent event, long sequence) {
		this.clock++;
		return new RecordedEvent(UUID.randomUUID(), sequence, T0.plusSeconds(this.clock), event);
	}

	/** Transactions with synchronization and nothing behind them. */
	private static final class NoDatabase extends AbstractPlatformTransactionManager {

		@Override
		protected Object doGetTransaction() {
			return new Object();
		}

		@Override
		protected void doBegin(Object transaction, TransactionDefinition definition) {
		}

		@Override
		protected void doCommit(DefaultTransactionStatus status) {
		}

		@Override
		protected void doRollback(DefaultTransactionStatus status) {
		}

	}

}
