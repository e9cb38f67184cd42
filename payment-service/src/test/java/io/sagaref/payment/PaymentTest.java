package io.sagaref.payment;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class PaymentTest {

	private static final List<OrderLine> LINES = List.of(new OrderLine("BOOK-1", 2));

	private final UUID orderId = UUID.randomUUID();

	private final Account account = Account.open(UUID.randomUUID(), "Ada", new BigDecimal("30.00"));

	@Test
	void capturesAndDebitsWhenTheBalanceCoversTheTotal() {
		Payment payment = Payment.charge(this.orderId, this.account, new BigDecimal("25"), LINES);

		assertThat(payment.status()).isEqualTo(PaymentStatus.CAPTURED);
		assertThat(this.account.balance()).isEqualTo(new BigDecimal("5.00"));
		assertThat(payment.takeEvents()).containsExactly(recorded(1,
				new PaymentCompleted(this.orderId, this.account.customerId(), new BigDecimal("25.00"), LINES)));
	}

	@Test
	void capturesTheWholeBalance() {
		Payment payment = Payment.charge(this.orderId, this.account, new BigDecimal("30.00"), LINES);

		assertThat(payment.status()).isEqualTo(PaymentStatus.CAPTURED);
		assertThat(this.account.balance()).isEqualByComparingTo("0");
	}

	@Test
	void declinesForInsufficientFundsWithoutTouchingTheBalance() {
		Payment payment = Payment.charge(this.orderId, this.account, new BigDecimal("30.01"), LINES);

		assertThat(payment.status()).isEqualTo(PaymentStatus.DECLINED);
		assertThat(payment.reason()).contains("INSUFFICIENT_FUNDS");
		assertThat(this.account.balance()).isEqualTo(new BigDecimal("30.00"));
		assertThat(payment.takeEvents()).containsExactly(recorded(1, new PaymentDeclined(this.orderId,
				this.account.customerId(), new BigDecimal("30.01"), DeclineReason.INSUFFICIENT_FUNDS)));
	}

	@Test
	void declinesAnUnknownCustomer() {
		UUID stranger = UUID.randomUUID();

		Payment payment = Payment.declineUnknownCustomer(this.orderId, stranger, new BigDecimal("25.00"));

		assertThat(payment.status()).isEqualTo(PaymentStatus.DECLINED);
		assertThat(payment.takeEvents()).containsExactly(recorded(1,
				new PaymentDeclined(this.orderId, stranger, new BigDecimal("25.00"), DeclineReason.UNKNOWN_CUSTOMER)));
	}

	@Test
	void refusesATotalInFractionsOfACent() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Payment.charge(this.orderId, this.account, new BigDecimal("1.001"), LINES));
		assertThat(this.account.balance()).isEqualTo(new BigDecimal("30.00"));
	}

	@Test
	void refundCreditsTheAccountAndRecordsTheSecondEvent() {
		Payment payment = Payment.charge(this.orderId, this.account, new BigDecimal("25.00"), LINES);
		payment.takeEvents();

		payment.refund(this.account, RefundReason.OUT_OF_STOCK);

		assertThat(payment.status()).isEqualTo(PaymentStatus.REFUNDED);
		assertThat(payment.reason()).contains("OUT_OF_STOCK");
		assertThat(this.account.balance()).isEqualTo(new BigDecimal("30.00"));
		assertThat(payment.takeEvents()).containsExactly(recorded(2, new PaymentRefunded(this.orderId,
				this.account.customerId(), new BigDecimal("25.00"), RefundReason.OUT_OF_STOCK)));
	}

	@Test
	void refundsAtMostOnce() {
		Payment payment = Payment.charge(this.orderId, this.account, new BigDecimal("25.00"), LINES);
		payment.refund(this.account, RefundReason.ORDER_CANCELLED);
		payment.takeEvents();

		assertThat(payment.isRefundable()).isFalse();
		assertThatIllegalStateException().isThrownBy(() -> payment.refund(this.account, RefundReason.OUT_OF_STOCK))
			.withMessageContaining("REFUNDED");
		assertThat(this.account.balance()).isEqualTo(new BigDecimal("30.00"));
		assertThat(payment.takeEvents()).isEmpty();
	}

	@Test
	void neverRefundsADeclinedPayment() {
		Payment payment = Payment.charge(this.orderId, this.account, new BigDecimal("99.00"), LINES);

		assertThat(payment.isRefundable()).isFalse();
		assertThatIllegalStateException().isThrownBy(() -> payment.refund(this.account, RefundReason.ORDER_CANCELLED));
		assertThat(this.account.balance()).isEqualTo(new BigDecimal("30.00"));
	}

	@Test
	void refundsOnlyToTheAccountThatPaid() {
		Payment payment = Payment.charge(this.orderId, this.account, new BigDecimal("25.00"), LINES);
		Account other = Account.open(UUID.randomUUID(), "Bob", BigDecimal.ZERO);

		assertThatIllegalArgumentException().isThrownBy(() -> payment.refund(other, RefundReason.ORDER_CANCELLED));
		assertThat(other.balance()).isEqualByComparingTo("0");
		assertThat(payment.isRefundable()).isTrue();
	}

	@Test
	void translatesTheSagaReasonsForUndoingAPayment() {
		assertThat(RefundReason.afterStockRejection("OUT_OF_STOCK")).isEqualTo(RefundReason.OUT_OF_STOCK);
		assertThat(RefundReason.afterStockRejection("ORDER_CLOSED")).isEqualTo(RefundReason.ORDER_CANCELLED);
		assertThat(RefundReason.afterOrderRejection("TIMED_OUT")).isEqualTo(RefundReason.ORDER_TIMED_OUT);
		assertThat(RefundReason.afterOrderRejection("INSUFFICIENT_FUNDS")).isEqualTo(RefundReason.ORDER_CANCELLED);
	}

	private RecordedEvent<PaymentEvent> recorded(long sequence, PaymentEvent event) {
		return new RecordedEvent<>(this.orderId.toString(), sequence, event);
	}

}
