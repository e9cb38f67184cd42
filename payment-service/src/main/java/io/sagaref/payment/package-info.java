/**
 * Payments domain: customer accounts, the payment of each order, and the events a payment
 * records. Plain Java; JPA annotations only as mapping metadata. The application class
 * sits here too, so Spring's default scans cover the whole service.
 */
@NullMarked
package io.sagaref.payment;

import org.jspecify.annotations.NullMarked;
