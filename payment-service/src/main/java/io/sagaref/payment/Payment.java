package io.sagaref.payment;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

/**
 * The payment of one order, identified by the order's id, so an order is charged at most
 * once. It is captured (money taken), declined (nothing taken) or refunded (money given
 * back, at most once). Every change records the event that tells the saga about it.
 */
@Entity
@Table(name = "payment")
public class Payment extends Aggregate<PaymentEvent> {

	@Id
	private UUID orderId;

	private UUID customerId;

	@Column(precision = 19, scale = 2)
	private Money amount;

	@Enumerated(EnumType.STRING)
	private PaymentStatus status;

	private @Nullable String reason;

	protected Payment() {
		// for JPA
	}

	private Payment(OrderId orderId, CustomerId customerId, Money amount, PaymentStatus status,
			@Nullable Enum<?> reason) {
		this.orderId = Objects.requireNonNull(orderId, "orderId").value();
		this.customerId = Objects.requireNonNull(customerId, "customerId").value();
		this.amount = amount;
		this.status = status;
		this.reason = (reason != null) ? reason.name() : null;
	}

	/**
	 * Charges an order's total to the customer's account: captured if the balance covers
	 * it, else declined for insufficient funds. The account records the money leaving it
	 * ({@link Account#charge}) when the payment is captured.
	 * @param orderId the order
	 * @param account the customer's account, locked by the caller
	 * @param total the order's total, 0 or more
	 * @param lines the order's lines, passed on to inventory
	 * @return the captured or declined payment
	 */
	public static Payment charge(OrderId orderId, Account account, Money total, List<OrderLine> lines) {
		Money amount = total.requireNonNegative("total");
		if (!account.canAfford(amount)) {
			return decline(orderId, account.customerId(), amount, DeclineReason.INSUFFICIENT_FUNDS);
		}
		var payment = new Payment(orderId, account.customerId(), amount, PaymentStatus.CAPTURED, null);
		payment.record(new PaymentCompleted(orderId, account.customerId(), amount, lines));
		return payment;
	}

	/**
	 * Declines an order whose customer has no account.
	 * @param orderId the order
	 * @param customerId the customer the order named
	 * @param total the order's total
	 * @return the declined payment
	 */
	public static Payment declineUnknownCustomer(OrderId orderId, CustomerId customerId, Money total) {
		return decline(orderId, customerId, total.requireNonNegative("total"), DeclineReason.UNKNOWN_CUSTOMER);
	}

	private static Payment decline(OrderId orderId, CustomerId customerId, Money amount, DeclineReason reason) {
		var payment = new Payment(orderId, customerId, amount, PaymentStatus.DECLINED, reason);
		payment.record(new PaymentDeclined(orderId, customerId, amount, reason));
		return payment;
	}

	/**
	 * Gives a captured payment back to the account it came from, which records the money
	 * returning ({@link Account#refund}).
	 * @param account the payer's account, locked by the caller
	 * @param why the reason
	 * @throws IllegalStateException if the payment is not captured (declined, or already
	 * refunded: a refund happens at most once)
	 */
	public void refund(Account account, RefundReason why) {
		if (!isRefundable()) {
			throw new IllegalStateException("Payment of order " + this.orderId + " is " + this.status
					+ "; only a captured payment is refunded");
		}
		if (!account.customerId().equals(customerId())) {
			throw new IllegalArgumentException("Payment of order " + this.orderId + " came from account "
					+ this.customerId + ", not " + account.customerId());
		}
		this.status = PaymentStatus.REFUNDED;
		this.reason = why.name();
		record(new PaymentRefunded(orderId(), customerId(), this.amount, why));
	}

	public boolean isRefundable() {
		return this.status == PaymentStatus.CAPTURED;
	}

	@Override
	protected String aggregateId() {
		return this.orderId.toString();
	}

	public OrderId orderId() {
		return new OrderId(this.orderId);
	}

	public CustomerId customerId() {
		return new CustomerId(this.customerId);
	}

	public Money amount() {
		return this.amount;
	}

	public PaymentStatus status() {
		return this.status;
	}

	public Optional<String> reason() {
		return Optional.ofNullable(this.reason);
	}

}
