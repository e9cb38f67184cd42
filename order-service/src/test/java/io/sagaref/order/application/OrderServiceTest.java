package io.sagaref.order.application;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;

import io.sagaref.contracts.EventContracts;
import io.sagaref.messaging.EventEnvelope;
import io.sagaref.messaging.testing.RecordingOutbox;
import io.sagaref.order.HistoryEntry;
import io.sagaref.order.CustomerId;
import io.sagaref.order.Order;
import io.sagaref.order.OrderEvent;
import io.sagaref.order.OrderId;
import io.sagaref.order.OrderStatus;
import io.sagaref.order.RejectionReason;
import org.junit.jupiter.api.Test;

import org.springframework.transaction.support.TransactionOperations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The use cases of an order over in-memory orders and catalog: what each decides, and
 * exactly which events it appends to the order's stream (and so publishes).
 */
class OrderServiceTest {

	private static final Duration DEADLINE = Duration.ofSeconds(30);

	private static final String TOPIC = "orders.events";

	private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T12:00:00Z"));

	private final InMemoryOrders.Conflicting orders = new InMemoryOrders.Conflicting(this.clock);

	private final InMemoryCatalog catalog = new InMemoryCatalog().with("BOOK-1", "12.50").with("PEN-1", "3.10");

	private final List<Object> announced = new ArrayList<>();

	private final CustomerId customer = CustomerId.random();

	private OrderService service = service(
			new AdmissionSettings(100, 10, Duration.ofSeconds(10), Duration.ofSeconds(2), Duration.ZERO), 100);

	@Test
	void placesAnOrderPricedFromTheCatalogAndPublishesOrderPlaced() {
		Order order = this.service.place(new PlaceOrder(this.customer,
				List.of(new PlaceOrder.Line("BOOK-1", 2), new PlaceOrder.Line("PEN-1", 3)), null, null));

		assertThat(order.status()).isEqualTo(OrderStatus.PENDING);
		assertThat(order.total()).hasToString("34.30");
		assertThat(this.orders.findById(order.id())).containsSame(order);
		EventEnvelope placed = single("OrderPlaced");
		assertThat(placed.aggregateId()).isEqualTo(order.id().toString());
		assertThat(placed.correlationId()).isEqualTo(order.id().toString());
		assertThat(placed.sequence()).isEqualTo(1);
		EventContracts.assertConforms(TOPIC, RecordingOutbox.json(placed));
		assertThat(RecordingOutbox.JSON.writeValueAsString(placed.payload())).isEqualTo("""
				{"orderId":"%s","customerId":"%s","lines":[{"sku":"BOOK-1","quantity":2,"unitPrice":12.50},\
				{"sku":"PEN-1","quantity":3,"unitPrice":3.10}],"total":34.30,"callbackUrl":null}"""
			.formatted(order.id(), this.customer));
		assertThat(this.announced).singleElement().isInstanceOf(OrderEvent.OrderPlaced.class);
	}

	@Test
	void refusesUnknownSkusNamingEachAndPlacesNothing() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.service.place(new PlaceOrder(this.customer,
					List.of(new PlaceOrder.Line("ZZZ", 1), new PlaceOrder.Line("BOOK-1", 1),
							new PlaceOrder.Line("AAA", 1)),
					null, null)))
			.withMessageStartingWith("Unknown sku: AAA, ZZZ");

		assertThat(this.orders.count()).isZero();
		assertThat(this.orders.published()).isEmpty();
	}

	@Test
	void refusesTheSameSkuInTwoLines() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.service.place(new PlaceOrder(this.customer,
					List.of(new PlaceOrder.Line("BOOK-1", 1), new PlaceOrder.Line("BOOK-1", 2)), null, null)))
			.withMessageContaining("BOOK-1");

		assertThat(this.orders.published()).isEmpty();
	}

	@Test
	void answersARepeatedRequestWithTheOrderItPlacedAndPublishesNothingMore() {
		PlaceOrder request = new PlaceOrder(this.customer, List.of(new PlaceOrder.Line("BOOK-1", 1)),
				URI.create("https://client.example/cb"), "key-1");
		Order first = this.service.place(request);

		Order again = this.service.place(request);

		assertThat(again).isSameAs(first);
		assertThat(this.orders.count()).isEqualTo(1);
		assertThat(this.orders.publishedTypes()).containsExactly("OrderPlaced");
	}

	@Test
	void refusesAKeyReusedForADifferentRequest() {
		this.service.place(new PlaceOrder(this.customer, List.of(new PlaceOrder.Line("BOOK-1", 1)), null, "key-1"));

		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.service
				.place(new PlaceOrder(this.customer, List.of(new PlaceOrder.Line("BOOK-1", 2)), null, "key-1")))
			.withMessageContaining("Idempotency-Key 'key-1'");
		assertThat(this.orders.count()).isEqualTo(1);
	}

	@Test
	void refusesANewOrderWhileTheBacklogIsFullButStillAnswersARepeatedRequest() {
		this.service = service(
				new AdmissionSettings(2, 10, Duration.ofSeconds(10), Duration.ofSeconds(2), Duration.ZERO), 100);
		PlaceOrder keyed = new PlaceOrder(this.customer, List.of(new PlaceOrder.Line("BOOK-1", 1)), null, "key-1");
		Order first = this.service.place(keyed);
		place();

		assertThatThrownBy(this::place).isInstanceOf(SagaBacklogFullException.class)
			.hasMessageContaining("2 orders are still being processed");
		assertThat(this.orders.count()).isEqualTo(2);
		assertThat(this.service.place(keyed)).isSameAs(first);
	}

	@Test
	void cancelsAPendingOrderOnceAndPublishesOrderCancelled() {
		Order order = place();

		this.service.cancel(order.id());
		this.service.cancel(order.id());

		assertThat(order.status()).isEqualTo(OrderStatus.CANCELLED);
		assertThat(this.orders.publishedTypes()).containsExactly("OrderPlaced", "OrderCancelled");
		EventEnvelope cancelled = single("OrderCancelled");
		assertThat(cancelled.sequence()).isEqualTo(2);
		assertThat(cancelled.payload().path("reason").asString()).isEqualTo("CUSTOMER_REQUEST");
		EventContracts.assertConforms(TOPIC, RecordingOutbox.json(cancelled));
	}

	@Test
	void cancelsAConfirmedOrder() {
		Order order = place();
		this.service.confirm(order.id());

		this.service.cancel(order.id());

		assertThat(order.status()).isEqualTo(OrderStatus.CANCELLED);
		assertThat(single("OrderCancelled").sequence()).isEqualTo(3);
	}

	@Test
	void refusesToCancelARejectedOrderAndPublishesNothing() {
		Order order = place();
		this.service.reject(order.id(), RejectionReason.INSUFFICIENT_FUNDS);

		assertThatIllegalStateException().isThrownBy(() -> this.service.cancel(order.id()))
			.withMessageContaining("rejected");
		assertThat(this.orders.publishedTypes()).containsExactly("OrderPlaced", "OrderRejected");
	}

	@Test
	void answersNotFoundForAnUnknownOrder() {
		OrderId unknown = OrderId.random();

		assertThatThrownBy(() -> this.service.cancel(unknown)).isInstanceOf(NoSuchElementException.class)
			.hasMessage("No order " + unknown.value());
		assertThatThrownBy(() -> this.service.status(unknown)).isInstanceOf(NoSuchElementException.class);
		assertThatThrownBy(() -> this.service.confirm(unknown)).isInstanceOf(NoSuchElementException.class);
	}

	@Test
	void confirmsAPendingOrderWhenStockIsReserved() {
		Order order = place();

		this.service.confirm(order.id());

		assertThat(this.service.status(order.id())).isEqualTo(OrderStatus.CONFIRMED);
		EventEnvelope confirmed = single("OrderConfirmed");
		assertThat(confirmed.sequence()).isEqualTo(2);
		EventContracts.assertConforms(TOPIC, RecordingOutbox.json(confirmed));
		assertThat(this.announced).hasSize(2).last().isInstanceOf(OrderEvent.OrderConfirmed.class);
	}

	@Test
	void rejectsAPendingOrderForTheReasonAParticipantGave() {
		Order order = place();

		this.service.reject(order.id(), RejectionReason.OUT_OF_STOCK);

		assertThat(order.rejectionReason()).contains(RejectionReason.OUT_OF_STOCK);
		EventEnvelope rejected = single("OrderRejected");
		assertThat(rejected.payload().path("reason").asString()).isEqualTo("OUT_OF_STOCK");
		EventContracts.assertConforms(TOPIC, RecordingOutbox.json(rejected));
	}

	@Test
	void answersThatComeAfterTheOrderEndedChangeNothing() {
		Order confirmed = place();
		this.service.confirm(confirmed.id());
		Order cancelled = place();
		this.service.cancel(cancelled.id());

		this.service.reject(confirmed.id(), RejectionReason.INSUFFICIENT_FUNDS);
		this.service.confirm(confirmed.id());
		this.service.confirm(cancelled.id());
		this.service.reject(cancelled.id(), RejectionReason.OUT_OF_STOCK);

		assertThat(confirmed.status()).isEqualTo(OrderStatus.CONFIRMED);
		assertThat(cancelled.status()).isEqualTo(OrderStatus.CANCELLED);
		assertThat(this.orders.publishedTypes()).containsExactly("OrderPlaced", "OrderConfirmed", "OrderPlaced",
				"OrderCancelled");
	}

	@Test
	void rejectsTimedOutTheOrdersThatOutlivedTheDeadlineAndLeavesTheOthers() {
		Order overdue = place();
		this.clock.advance(DEADLINE.minusSeconds(5));
		Order young = place();
		this.clock.advance(Duration.ofSeconds(6));

		assertThat(this.service.rejectOverdue()).isEqualTo(1);

		assertThat(overdue.rejectionReason()).contains(RejectionReason.TIMED_OUT);
		assertThat(young.isPending()).isTrue();
		EventEnvelope rejected = single("OrderRejected");
		assertThat(rejected.aggregateId()).isEqualTo(overdue.id().toString());
		assertThat(rejected.payload().path("reason").asString()).isEqualTo("TIMED_OUT");
	}

	@Test
	void theDeadlineJobWorksThroughEveryBatchOfOverdueOrders() {
		this.service = service(
				new AdmissionSettings(100, 10, Duration.ofSeconds(10), Duration.ofSeconds(2), Duration.ZERO), 2);
		List<Order> placed = List.of(place(), place(), place(), place(), place());
		this.clock.advance(DEADLINE.plusSeconds(1));

		new DeadlineJob(this.service, settings(2)).rejectOverdueOrders();

		assertThat(placed).allSatisfy((order) -> assertThat(order.status()).isEqualTo(OrderStatus.REJECTED));
		assertThat(this.service.pendingOrders().count()).isZero();
	}

	@Test
	void listsTheOrdersWaitingLongerThanAsked() {
		Order old = place();
		this.clock.advance(Duration.ofSeconds(20));
		Order recent = place();
		this.clock.advance(Duration.ofSeconds(5));

		assertThat(this.service.stuck(Duration.ofSeconds(10), 100)).containsExactly(old);
		assertThat(this.service.stuck(Duration.ZERO, 100)).containsExactly(old, recent);
		assertThat(this.service.stuck(Duration.ZERO, 1)).containsExactly(old);
	}

	@Test
	void runsACancelOnceMoreWhenItsStreamMovedOnAndAnswersConflictTheSecondTime() {
		Order order = place();

		this.orders.conflictOnNext(1);
		assertThat(this.service.cancel(order.id()).status()).isEqualTo(OrderStatus.CANCELLED);
		assertThat(single("OrderCancelled").sequence()).isEqualTo(2);

		Order other = place();
		this.orders.conflictOnNext(2);
		assertThatIllegalStateException().isThrownBy(() -> this.service.cancel(other.id()))
			.withMessageContaining("another change was recorded first");
	}

	@Test
	void answersTheHistoryOfAnOrderWithItsPayloadsAndNotFoundForAnUnknownOne() {
		Order order = place();
		this.clock.advance(Duration.ofSeconds(2));
		this.service.confirm(order.id());

		List<HistoryEntry> history = this.service.history(order.id());

		assertThat(history).extracting(HistoryEntry::sequence, HistoryEntry::type)
			.containsExactly(tuple(1L, "OrderPlaced"), tuple(2L, "OrderConfirmed"));
		assertThat(history.get(1).data())
			.isEqualTo("{\"orderId\":\"%s\",\"customerId\":\"%s\"}".formatted(order.id(), this.customer));
		assertThat(history.get(1).occurredAt()).isEqualTo(history.get(0).occurredAt().plusSeconds(2));
		assertThatThrownBy(() -> this.service.history(OrderId.random())).isInstanceOf(NoSuchElementException.class);
	}

	@Test
	void answersAnOrderAsItStoodAtAnInstant() {
		Instant before = this.clock.instant().minusSeconds(1);
		Order order = place();
		Instant placed = this.clock.instant();
		this.clock.advance(Duration.ofSeconds(5));
		this.service.reject(order.id(), RejectionReason.OUT_OF_STOCK);

		assertThat(this.service.orderAsOf(order.id(), placed).status()).isEqualTo(OrderStatus.PENDING);
		assertThat(this.service.orderAsOf(order.id(), this.clock.instant()).status()).isEqualTo(OrderStatus.REJECTED);
		assertThatThrownBy(() -> this.service.orderAsOf(order.id(), before)).isInstanceOf(NoSuchElementException.class)
			.hasMessageContaining("as of");
	}

	private Order place() {
		return this.service.place(new PlaceOrder(this.customer, List.of(new PlaceOrder.Line("BOOK-1", 1)), null, null));
	}

	private EventEnvelope single(String type) {
		return this.orders.published().stream().filter((envelope) -> envelope.type().equals(type)).reduce((a, b) -> {
			throw new AssertionError("More than one " + type);
		}).orElseThrow(() -> new AssertionError("No " + type + " in " + this.orders.publishedTypes()));
	}

	private OrderService service(AdmissionSettings admission, int deadlineBatchSize) {
		return new OrderService(this.orders, this.catalog, new EventPublisher(this.announced::add),
				TransactionOperations.withoutTransaction(), settings(deadlineBatchSize), admission, this.clock);
	}

	private static OrderSettings settings(int deadlineBatchSize) {
		return new OrderSettings(DEADLINE, Duration.ofSeconds(1), deadlineBatchSize, Duration.ofSeconds(1));
	}

}
