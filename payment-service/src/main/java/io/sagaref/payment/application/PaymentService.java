package io.sagaref.payment.application;

import java.util.Collection;

import io.sagaref.payment.Account;
import io.sagaref.payment.Accounts;
import io.sagaref.payment.CustomerId;
import io.sagaref.payment.OrderId;
import io.sagaref.payment.Payment;
import io.sagaref.payment.PaymentStatus;
import io.sagaref.payment.Payments;
import io.sagaref.payment.RefundReason;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The payment steps of the saga: charge a placed order, refund it when the saga is
 * undone. Each use case changes the payment, records the money moving on the account's
 * stream and publishes the payment's events in one transaction, and each is idempotent by
 * state: an order is charged once, a payment refunded once, however often the triggering
 * event arrives.
 */
@Service
public class PaymentService {

	private final Accounts accounts;

	private final Payments payments;

	private final EventPublisher events;

	public PaymentService(Accounts accounts, Payments payments, EventPublisher events) {
		this.accounts = accounts;
		this.payments = payments;
		this.events = events;
	}

	/**
	 * Locks accounts, in customer id order, until the transaction ends: for a consumer
	 * that is about to charge several of them in one transaction.
	 * @param customerIds the accounts
	 */
	@Transactional
	public void lockAccounts(Collection<CustomerId> customerIds) {
		this.accounts.lockRows(customerIds);
	}

	/**
	 * Charges an order unless it was charged before: PaymentCompleted, or PaymentDeclined
	 * for an unknown customer or insufficient funds.
	 * @param order the order to pay for
	 */
	@Transactional
	public void charge(ChargeOrder order) {
		if (this.payments.existsById(order.orderId())) {
			return;
		}
		Account account = this.accounts.findForUpdate(order.customerId()).orElse(null);
		Payment payment;
		if (account == null) {
			payment = Payment.declineUnknownCustomer(order.orderId(), order.customerId(), order.total());
		}
		else {
			payment = Payment.charge(order.orderId(), account, order.total(), order.lines());
			if (payment.status() == PaymentStatus.CAPTURED) {
				this.accounts.append(account, account.charge(order.orderId(), payment.amount()));
			}
		}
		this.payments.save(payment);
		this.events.publish(payment);
	}

	/**
	 * Refunds an order's payment if it is captured: PaymentRefunded. A payment that was
	 * declined, already refunded or never made is left alone.
	 * @param orderId the order
	 * @param reason why the saga is undone
	 */
	@Transactional
	public void refund(OrderId orderId, RefundReason reason) {
		this.payments.findForUpdateByOrderId(orderId).filter(Payment::isRefundable).ifPresent((payment) -> {
			Account account = this.accounts.findForUpdate(payment.customerId())
				.orElseThrow(() -> new IllegalStateException(
						"Account " + payment.customerId() + " of captured order " + orderId + " is missing"));
			payment.refund(account, reason);
			this.accounts.append(account, account.refund(orderId, payment.amount()));
			this.events.publish(payment);
		});
	}

}
