package io.sagaref.orderquery;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.sagaref.orderquery.SagaEvent.OrderCancelled;
import io.sagaref.orderquery.SagaEvent.OrderConfirmed;
import io.sagaref.orderquery.SagaEvent.OrderPlaced;
import io.sagaref.orderquery.SagaEvent.OrderRejected;
import io.sagaref.orderquery.SagaEvent.PaymentCompleted;
import io.sagaref.orderquery.SagaEvent.PaymentDeclined;
import io.sagaref.orderquery.SagaEvent.PaymentRefunded;
import io.sagaref.orderquery.SagaEvent.StockRejected;
import io.sagaref.orderquery.SagaEvent.StockReleased;
import io.sagaref.orderquery.SagaEvent.StockReserved;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class OrderViewTest {

	private static final OrderId ORDER = OrderId.random();

	private static final CustomerId CUSTOMER = CustomerId.random();

	private static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");

	private static final Money TOTAL = Money.of("25.00");

	private int clock;

	@Test
	void confirmedSagaFillsEveryPartOfTheView() {
		OrderView view = applyAll(placed(), paymentCompleted(), stockReserved(), confirmed());

		assertThat(view.status()).isEqualTo(OrderStatus.CONFIRMED);
		assertThat(view.customerId()).isEqualTo(CUSTOMER);
		assertThat(view.lines()).containsExactly(new Line("BOOK-1", 2, Money.of("12.50")));
		assertThat(view.total()).isEqualTo(Money.of("25.00"));
		assertThat(view.rejectionReason()).isNull();
		assertThat(view.payment()).isEqualTo(new PaymentOutcome(PaymentStatus.COMPLETED, TOTAL, null));
		assertThat(view.stock()).isEqualTo(new StockOutcome(StockStatus.RESERVED, null));
		assertThat(view.placedAt()).isEqualTo(T0.plusSeconds(1));
		assertThat(view.updatedAt()).isEqualTo(T0.plusSeconds(4));
		assertThat(view.lastSequence(Source.ORDER_SERVICE)).isEqualTo(2);
	}

	@Test
	void outOfStockSagaEndsRejectedWithShortagesAndRefund() {
		OrderView view = applyAll(placed(), paymentCompleted(), stockRejected(), refunded("OUT_OF_STOCK"),
				rejected(2, "OUT_OF_STOCK"));

		assertThat(view.status()).isEqualTo(OrderStatus.REJECTED);
		assertThat(view.rejectionReason()).isEqualTo("OUT_OF_STOCK");
		assertThat(view.payment()).isEqualTo(new PaymentOutcome(PaymentStatus.REFUNDED, TOTAL, "OUT_OF_STOCK"));
		assertThat(view.stock()).isEqualTo(new StockOutcome(StockStatus.REJECTED, "OUT_OF_STOCK"));
		assertThat(view.shortages()).containsExactly(new Shortage("BOOK-1", 2, 1));
	}

	@Test
	void declinedPaymentRejectsWithItsReason() {
		OrderView view = applyAll(placed(),
				event(Source.PAYMENT_SERVICE, 1, new PaymentDeclined(ORDER, CUSTOMER, TOTAL, "INSUFFICIENT_FUNDS")),
				rejected(2, "INSUFFICIENT_FUNDS"));

		assertThat(view.status()).isEqualTo(OrderStatus.REJECTED);
		assertThat(view.rejectionReason()).isEqualTo("INSUFFICIENT_FUNDS");
		assertThat(view.payment()).isEqualTo(new PaymentOutcome(PaymentStatus.DECLINED, TOTAL, "INSUFFICIENT_FUNDS"));
		assertThat(view.stock()).isNull();
	}

	@Test
	void anyInterleavingOfTheSourcesGivesTheSameView() {
		List<RecordedEvent> orders = List.of(placed(), confirmed(),
				event(Source.ORDER_SERVICE, 3, new OrderCancelled(ORDER, CUSTOMER, "CUSTOMER_REQUEST")));
		List<RecordedEvent> payments = List.of(paymentCompleted(), refunded("ORDER_CANCELLED"));
		List<RecordedEvent> stock = List.of(stockReserved(),
				event(Source.INVENTORY_SERVICE, 2, new StockReleased(ORDER, "ORDER_CANCELLED")));
		OrderView expected = applyAll(orders.get(0), payments.get(0), stock.get(0), orders.get(1), orders.get(2),
				stock.get(1), payments.get(1));
		assertThat(expected.status()).isEqualTo(OrderStatus.CANCELLED);

		List<List<RecordedEvent>> orderings = interleavings(List.of(orders, payments, stock));

		assertThat(orderings).hasSize(210);
		for (List<RecordedEvent> ordering : orderings) {
			OrderView view = applyAll(ordering.toArray(RecordedEvent[]::new));
			assertThat(view).as("view after %s", ordering.stream().map((e) -> e.event().type()).toList())
				.usingRecursiveComparison()
				.isEqualTo(expected);
		}
	}

	@Test
	void paymentBeforeOrderPlacedCreatesTheViewWithoutStatus() {
		OrderView view = applyAll(paymentCompleted());

		assertThat(view.status()).isNull();
		assertThat(view.customerId()).isEqualTo(CUSTOMER);
		assertThat(view.payment()).isEqualTo(new PaymentOutcome(PaymentStatus.COMPLETED, TOTAL, null));
		assertThat(view.lines()).isEmpty();
	}

	@Test
	void ignoresAnEventWhoseSequenceIsNotAboveTheLastAppliedFromItsSource() {
		OrderView view = applyAll(placed(), confirmed());

		boolean repeated = view.apply(confirmed());
		boolean stale = view.apply(rejected(2, "OUT_OF_STOCK"));
		boolean older = view.apply(event(Source.ORDER_SERVICE, 1, new OrderRejected(ORDER, CUSTOMER, "TIMED_OUT")));

		assertThat(repeated).isFalse();
		assertThat(stale).isFalse();
		assertThat(older).isFalse();
		assertThat(view.status()).isEqualTo(OrderStatus.CONFIRMED);
		assertThat(view.rejectionReason()).isNull();
	}

	@Test
	void sequencesOfDifferentSourcesAreIndependent() {
		OrderView view = applyAll(placed(), confirmed());

		assertThat(view.apply(paymentCompleted())).isTrue();
		assertThat(view.apply(stockReserved())).isTrue();
		assertThat(view.lastSequence(Source.PAYMENT_SERVICE)).isEqualTo(1);
		assertThat(view.lastSequence(Source.INVENTORY_SERVICE)).isEqualTo(1);
	}

	@Test
	void statusComesOnlyFromOrderServiceEvents() {
		OrderView view = applyAll(placed(), paymentCompleted(), stockRejected(), refunded("OUT_OF_STOCK"));

		assertThat(view.status()).isEqualTo(OrderStatus.PENDING);
		assertThat(view.rejectionReason()).isNull();
	}

	@Test
	void refusesAnEventOfAnotherOrder() {
		OrderView view = new OrderView(OrderId.random());

		assertThatIllegalArgumentException().isThrownBy(() -> view.apply(placed())).withMessageContaining("not");
	}

	@Test
	void timelineEntryCarriesTimeSourceTypeAndReason() {
		RecordedEvent refund = refunded("OUT_OF_STOCK");

		TimelineEntry entry = TimelineEntry.of(refund);

		assertThat(entry.at()).isEqualTo(refund.occurredAt());
		assertThat(entry.source()).isEqualTo("payment-service");
		assertThat(entry.type()).isEqualTo("PaymentRefunded");
		assertThat(entry.detail()).isEqualTo("OUT_OF_STOCK");
		assertThat(TimelineEntry.of(placed()).detail()).isEqualTo("1 line(s), total 25.00");
	}

	@Test
	void eventsWithoutRequiredFieldsAreInvalid() {
		assertThatIllegalArgumentException().isThrownBy(() -> new OrderRejected(ORDER, CUSTOMER, null))
			.withMessage("reason is missing");
		assertThatIllegalArgumentException().isThrownBy(() -> new PaymentCompleted(ORDER, null, TOTAL))
			.withMessage("customerId is missing");
		assertThatIllegalArgumentException().isThrownBy(() -> new StockReserved(null))
			.withMessage("orderId is missing");
	}

	private RecordedEvent placed() {
		return event(Source.ORDER_SERVICE, 1,
				new OrderPlaced(ORDER, CUSTOMER, List.of(new Line("BOOK-1", 2, Money.of("12.50"))), TOTAL));
	}

	private RecordedEvent confirmed() {
		return event(Source.ORDER_SERVICE, 2, new OrderConfirmed(ORDER, CUSTOMER));
	}

	private RecordedEvent rejected(long sequence, String reason) {
		return event(Source.ORDER_SERVICE, sequence, new OrderRejected(ORDER, CUSTOMER, reason));
	}

	private RecordedEvent paymentCompleted() {
		return event(Source.PAYMENT_SERVICE, 1, new PaymentCompleted(ORDER, CUSTOMER, TOTAL));
	}

	private RecordedEvent refunded(String reason) {
		return event(Source.PAYMENT_SERVICE, 2, new PaymentRefunded(ORDER, CUSTOMER, TOTAL, reason));
	}

	private RecordedEvent stockReserved() {
		return event(Source.INVENTORY_SERVICE, 1, new StockReserved(ORDER));
	}

	private RecordedEvent stockRejected() {
		return event(Source.INVENTORY_SERVICE, 1,
				new StockRejected(ORDER, "OUT_OF_STOCK", List.of(new Shortage("BOOK-1", 2, 1))));
	}

	private RecordedEvent event(Source source, long sequence, SagaEvent event) {
		assertThat(event.source()).isEqualTo(source);
		this.clock++;
		return new RecordedEvent(UUID.randomUUID(), sequence, T0.plusSeconds(this.clock), event);
	}

	private static OrderView applyAll(RecordedEvent... events) {
		OrderView view = new OrderView(ORDER);
		for (RecordedEvent event : events) {
			view.apply(event);
		}
		return view;
	}

	/**
	 * Every merge of the streams that keeps each stream's own order, as Kafka delivers
	 * one source's events of an order in order but interleaves the topics freely.
	 */
	private static List<List<RecordedEvent>> interleavings(List<List<RecordedEvent>> streams) {
		List<List<RecordedEvent>> result = new ArrayList<>();
		if (streams.stream().allMatch(List::isEmpty)) {
			result.add(List.of());
			return result;
		}
		for (int i = 0; i < streams.size(); i++) {
			List<RecordedEvent> stream = streams.get(i);
			if (stream.isEmpty()) {
				continue;
			}
			List<List<RecordedEvent>> rest = new ArrayList<>(streams);
			rest.set(i, stream.subList(1, stream.size()));
			for (List<RecordedEvent> tail : interleavings(rest)) {
				List<RecordedEvent> ordering = new ArrayList<>();
				ordering.add(stream.get(0));
				ordering.addAll(tail);
				result.add(ordering);
			}
		}
		return result;
	}

}
