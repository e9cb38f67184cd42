package io.sagaref.payment;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class PaymentTest {

	private static final List<OrderLine> LINES = List.of(new OrderLine("BOOK-1", 2));

	private final OrderId orderId = OrderId.random();

	private final Account account = account("Ada", "30.00");

	@Test
	void capturesWhenTheBalanceCoversTheTotal() {
		Payment payment = Payment.charge(this.orderId, this.account, Money.of("25"), LINES);

		assertThat(payment.status()).isEqualTo(PaymentStatus.CAPTURED);
		assertThat(payment.amount()).isEqualTo(Money.of("25.00"));
		assertThat(payment.takeEvents()).containsExactly(
				recorded(1, new PaymentCompleted(this.orderId, this.account.customerId(), Money.of("25.00"), LINES)));
		assertThat(payment.eventSequence()).isEqualTo(1);
	}

	@Test
	void capturesTheWholeBalance() {
		Payment payment = Payment.charge(this.orderId, this.account, Money.of("30.00"), LINES);

		assertThat(payment.status()).isEqualTo(PaymentStatus.CAPTURED);
	}

	@Test
	void declinesForInsufficientFunds() {
		Payment payment = Payment.charge(this.orderId, this.account, Money.of("30.01"), LINES);

		assertThat(payment.status()).isEqualTo(PaymentStatus.DECLINED);
		assertThat(payment.reason()).contains("INSUFFICIENT_FUNDS");
		assertThat(payment.takeEvents()).containsExactly(recorded(1, new PaymentDeclined(this.orderId,
				this.account.customerId(), Money.of("30.01"), DeclineReason.INSUFFICIENT_FUNDS)));
	}

	@Test
	void declinesAnUnknownCustomer() {
		CustomerId stranger = CustomerId.random();

		Payment payment = Payment.declineUnknownCustomer(this.orderId, stranger, Money.of("25.00"));

		assertThat(payment.status()).isEqualTo(PaymentStatus.DECLINED);
		assertThat(payment.customerId()).isEqualTo(stranger);
		assertThat(payment.takeEvents()).containsExactly(recorded(1,
				new PaymentDeclined(this.orderId, stranger, Money.of("25.00"), DeclineReason.UNKNOWN_CUSTOMER)));
	}

	@Test
	void refusesANegativeOrOversizedTotal() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Payment.charge(this.orderId, this.account, Money.of("-1.00"), LINES))
			.withMessageContaining("total must not be negative");
		assertThatIllegalArgumentException().isThrownBy(
				() -> Payment.declineUnknownCustomer(this.orderId, CustomerId.random(), Money.of("100000000000000000")))
			.withMessageContaining("total is too large");
	}

	@Test
	void refundRecordsTheSecondEvent() {
		Payment payment = Payment.charge(this.orderId, this.account, Money.of("25.00"), LINES);
		payment.takeEvents();

		payment.refund(this.account, RefundReason.OUT_OF_STOCK);

		assertThat(payment.status()).isEqualTo(PaymentStatus.REFUNDED);
		assertThat(payment.reason()).contains("OUT_OF_STOCK");
		assertThat(payment.takeEvents()).containsExactly(recorded(2, new PaymentRefunded(this.orderId,
				this.account.customerId(), Money.of("25.00"), RefundReason.OUT_OF_STOCK)));
		assertThat(payment.eventSequence()).isEqualTo(2);
	}

	@Test
	void refundsAtMostOnce() {
		Payment payment = Payment.charge(this.orderId, this.account, Money.of("25.00"), LINES);
		payment.refund(this.account, RefundReason.ORDER_CANCELLED);
		payment.takeEvents();

		assertThat(payment.isRefundable()).isFalse();
		assertThatIllegalStateException().isThrownBy(() -> payment.refund(this.account, RefundReason.OUT_OF_STOCK))
			.withMessageContaining("REFUNDED");
		assertThat(payment.takeEvents()).isEmpty();
	}

	@Test
	void neverRefundsADeclinedPayment() {
		Payment payment = Payment.charge(this.orderId, this.account, Money.of("99.00"), LINES);

		assertThat(payment.isRefundable()).isFalse();
		assertThatIllegalStateException().isThrownBy(() -> payment.refund(this.account, RefundReason.ORDER_CANCELLED));
	}

	@Test
	void refundsOnlyToTheAccountThatPaid() {
		Payment payment = Payment.charge(this.orderId, this.account, Money.of("25.00"), LINES);
		Account other = account("Bob", "0");

		assertThatIllegalArgumentException().isThrownBy(() -> payment.refund(other, RefundReason.ORDER_CANCELLED));
		assertThat(payment.isRefundable()).isTrue();
	}

	@Test
	void translatesTheSagaReasonsForUndoingAPayment() {
		assertThat(RefundReason.afterStockRejection("OUT_OF_STOCK")).isEqualTo(RefundReason.OUT_OF_STOCK);
		assertThat(RefundReason.afterStockRejection("ORDER_CLOSED")).isEqualTo(RefundReason.ORDER_CANCELLED);
		assertThat(RefundReason.afterOrderRejection("TIMED_OUT")).isEqualTo(RefundReason.ORDER_TIMED_OUT);
		assertThat(RefundReason.afterOrderRejection("INSUFFICIENT_FUNDS")).isEqualTo(RefundReason.ORDER_CANCELLED);
	}

	private static Account account(String name, String balance) {
		return Account.opened(CustomerId.random(),
				new RecordedAccountEvent(UUID.randomUUID(), 1, Instant.now(), Account.open(name, Money.of(balance))));
	}

	private RecordedEvent<PaymentEvent> recorded(long sequence, PaymentEvent event) {
		return new RecordedEvent<>(this.orderId.toString(), sequence, event);
	}

}
