/**
 * Payments domain: customer accounts (event-sourced: folded from their own events, with a
 * ledger of them), the payment of each order, the events a payment records, and the
 * values they are made of (money, customer and order ids). Plain Java; JPA and Jackson
 * annotations only as mapping metadata. The application class sits here too, so Spring's
 * default scans cover the whole service.
 */
@NullMarked
package io.sagaref.payment;

import org.jspecify.annotations.NullMarked;
