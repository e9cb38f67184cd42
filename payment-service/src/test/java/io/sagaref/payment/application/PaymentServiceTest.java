package io.sagaref.payment.application;

import java.util.List;

import io.sagaref.messaging.OutgoingEvent;
import io.sagaref.messaging.testing.RecordingOutbox;
import io.sagaref.payment.Account;
import io.sagaref.payment.AccountCharged;
import io.sagaref.payment.AccountOpened;
import io.sagaref.payment.AccountRefunded;
import io.sagaref.payment.CustomerId;
import io.sagaref.payment.DeclineReason;
import io.sagaref.payment.Money;
import io.sagaref.payment.OrderId;
import io.sagaref.payment.OrderLine;
import io.sagaref.payment.PaymentCompleted;
import io.sagaref.payment.PaymentDeclined;
import io.sagaref.payment.PaymentRefunded;
import io.sagaref.payment.PaymentStatus;
import io.sagaref.payment.RecordedAccountEvent;
import io.sagaref.payment.RefundReason;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The decisions of the payment steps, over in-memory account streams and payments and an
 * outbox that records what it is given: the saga's events go to the outbox, the money
 * moving to the account's stream.
 */
class PaymentServiceTest {

	private static final List<OrderLine> LINES = List.of(new OrderLine("BOOK-1", 2));

	private final InMemoryAccounts accounts = new InMemoryAccounts();

	private final InMemoryPayments payments = new InMemoryPayments();

	private final RecordingOutbox outbox = new RecordingOutbox("payment-service");

	private final PaymentService service = new PaymentService(this.accounts, this.payments,
			new EventPublisher(this.outbox));

	private final Account ada = this.accounts.open(CustomerId.random(), Account.open("Ada", Money.of("30.00")))
		.account();

	private final OrderId orderId = OrderId.random();

	@Test
	void chargesAPlacedOrderAndPublishesPaymentCompletedKeyedByTheOrder() {
		this.service.charge(charge(this.ada.customerId(), "25.00"));

		assertThat(balance(this.ada)).isEqualTo(Money.of("5.00"));
		assertThat(this.payments.get(this.orderId).status()).isEqualTo(PaymentStatus.CAPTURED);
		OutgoingEvent completed = this.outbox.appended().getFirst();
		assertThat(completed.topic()).isEqualTo("payments.events");
		assertThat(completed.type()).isEqualTo("PaymentCompleted");
		assertThat(completed.key()).isEqualTo(this.orderId.toString());
		assertThat(completed.aggregateId()).isEqualTo(this.orderId.toString());
		assertThat(completed.correlationId()).isEqualTo(this.orderId.toString());
		assertThat(completed.sequence()).isEqualTo(1);
		assertThat(this.outbox.payloads())
			.containsExactly(new PaymentCompleted(this.orderId, this.ada.customerId(), Money.of("25.00"), LINES));
		assertThat(this.accounts.history(this.ada.customerId())).extracting(RecordedAccountEvent::event)
			.containsExactly(new AccountOpened("Ada", Money.of("30.00")),
					new AccountCharged(this.orderId, Money.of("25.00")));
	}

	@Test
	void declinesAnOrderTheBalanceDoesNotCover() {
		this.service.charge(charge(this.ada.customerId(), "30.01"));

		assertThat(balance(this.ada)).isEqualTo(Money.of("30.00"));
		assertThat(this.payments.get(this.orderId).status()).isEqualTo(PaymentStatus.DECLINED);
		assertThat(this.outbox.payloads()).containsExactly(new PaymentDeclined(this.orderId, this.ada.customerId(),
				Money.of("30.01"), DeclineReason.INSUFFICIENT_FUNDS));
		assertThat(this.accounts.history(this.ada.customerId())).hasSize(1);
	}

	@Test
	void declinesAnOrderOfAnUnknownCustomerAndRemembersIt() {
		CustomerId stranger = CustomerId.random();

		this.service.charge(charge(stranger, "25.00"));

		assertThat(this.payments.get(this.orderId).status()).isEqualTo(PaymentStatus.DECLINED);
		assertThat(this.outbox.payloads()).containsExactly(
				new PaymentDeclined(this.orderId, stranger, Money.of("25.00"), DeclineReason.UNKNOWN_CUSTOMER));
	}

	@Test
	void chargesAnOrderOnlyOnce() {
		this.service.charge(charge(this.ada.customerId(), "10.00"));
		this.service.charge(charge(this.ada.customerId(), "10.00"));

		assertThat(balance(this.ada)).isEqualTo(Money.of("20.00"));
		assertThat(this.outbox.payloads()).hasSize(1);
	}

	@Test
	void refundsACapturedPaymentAsItsSecondEvent() {
		this.service.charge(charge(this.ada.customerId(), "25.00"));

		this.service.refund(this.orderId, RefundReason.OUT_OF_STOCK);

		assertThat(balance(this.ada)).isEqualTo(Money.of("30.00"));
		assertThat(this.payments.get(this.orderId).status()).isEqualTo(PaymentStatus.REFUNDED);
		OutgoingEvent refunded = this.outbox.appended().get(1);
		assertThat(refunded.sequence()).isEqualTo(2);
		assertThat(refunded.key()).isEqualTo(this.orderId.toString());
		assertThat(refunded.payload()).isEqualTo(
				new PaymentRefunded(this.orderId, this.ada.customerId(), Money.of("25.00"), RefundReason.OUT_OF_STOCK));
		assertThat(this.accounts.history(this.ada.customerId()).getLast().event())
			.isEqualTo(new AccountRefunded(this.orderId, Money.of("25.00")));
	}

	@Test
	void refundsAtMostOnceWhenTheSagaIsUndoneTwice() {
		this.service.charge(charge(this.ada.customerId(), "25.00"));

		this.service.refund(this.orderId, RefundReason.OUT_OF_STOCK);
		this.service.refund(this.orderId, RefundReason.ORDER_CANCELLED);

		assertThat(balance(this.ada)).isEqualTo(Money.of("30.00"));
		assertThat(this.outbox.appended()).extracting(OutgoingEvent::type)
			.containsExactly("PaymentCompleted", "PaymentRefunded");
	}

	@Test
	void leavesADeclinedPaymentAlone() {
		this.service.charge(charge(this.ada.customerId(), "99.00"));

		this.service.refund(this.orderId, RefundReason.ORDER_CANCELLED);

		assertThat(balance(this.ada)).isEqualTo(Money.of("30.00"));
		assertThat(this.payments.get(this.orderId).status()).isEqualTo(PaymentStatus.DECLINED);
		assertThat(this.outbox.appended()).extracting(OutgoingEvent::type).containsExactly("PaymentDeclined");
	}

	@Test
	void doesNothingWhenAnOrderItNeverChargedIsUndone() {
		this.service.refund(this.orderId, RefundReason.ORDER_CANCELLED);

		assertThat(this.payments.existsById(this.orderId)).isFalse();
		assertThat(this.outbox.appended()).isEmpty();
	}

	@Test
	void refusesToRefundWhenThePayersAccountIsMissing() {
		this.service.charge(charge(this.ada.customerId(), "25.00"));
		this.accounts.remove(this.ada.customerId());

		assertThatIllegalStateException().isThrownBy(() -> this.service.refund(this.orderId, RefundReason.OUT_OF_STOCK))
			.withMessageContaining(this.ada.customerId().toString());
		assertThat(this.payments.get(this.orderId).status()).isEqualTo(PaymentStatus.CAPTURED);
		assertThat(this.outbox.appended()).hasSize(1);
	}

	@Test
	void locksTheAccountsAConsumerIsAboutToCharge() {
		CustomerId bob = CustomerId.random();

		this.service.lockAccounts(List.of(this.ada.customerId(), bob));

		assertThat(this.accounts.locked()).containsExactly(this.ada.customerId(), bob);
	}

	private Money balance(Account account) {
		return this.accounts.row(account.customerId()).balance();
	}

	private ChargeOrder charge(CustomerId customerId, String total) {
		return new ChargeOrder(this.orderId, customerId, Money.of(total), LINES);
	}

}
