package io.sagaref.payment.application;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import io.sagaref.payment.OrderId;
import io.sagaref.payment.Payment;
import io.sagaref.payment.Payments;

/**
 * {@link Payments} in a map, for use-case tests.
 */
class InMemoryPayments implements Payments {

	private final Map<OrderId, Payment> payments = new HashMap<>();

	@Override
	public boolean existsById(OrderId orderId) {
		return this.payments.containsKey(orderId);
	}

	@Override
	public Optional<Payment> findForUpdateByOrderId(OrderId orderId) {
		return Optional.ofNullable(this.payments.get(orderId));
	}

	@Override
	public Payment save(Payment payment) {
		this.payments.put(payment.orderId(), payment);
		return payment;
	}

	Payment get(OrderId orderId) {
		return findForUpdateByOrderId(orderId).orElseThrow();
	}

}
