package io.sagaref.payment;

import java.util.Optional;

/**
 * All payments, one per order. A payment is changed only when loaded with
 * {@link #findForUpdateByOrderId}, so two compensations racing for one order (a
 * cancellation and a stock rejection) refund it once.
 */
public interface Payments {

	boolean existsById(OrderId orderId);

	/**
	 * Loads a payment and locks it for writing until the transaction ends.
	 * @param orderId the order
	 * @return the locked payment, if the order was ever charged
	 */
	Optional<Payment> findForUpdateByOrderId(OrderId orderId);

	Payment save(Payment payment);

}
