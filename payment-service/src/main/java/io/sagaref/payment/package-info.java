/**
 * Payments domain: customer accounts, the payment of each order, and the events a payment
 * records. Plain Java; JPA annotations only as mapping metadata.
 */
@NullMarked
package io.sagaref.payment;

import org.jspecify.annotations.NullMarked;
