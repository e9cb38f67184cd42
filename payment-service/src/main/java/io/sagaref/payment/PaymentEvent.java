package io.sagaref.payment;

import java.util.UUID;

/**
 * The facts a payment records. Each one is published as-is on {@code payments.events},
 * under its simple class name, so the record components are the contract's fields.
 */
public sealed interface PaymentEvent permits PaymentCompleted, PaymentDeclined, PaymentRefunded {

	UUID orderId();

}
