/**
 * Use cases of the payment service: one transactional application service per aggregate,
 * the publisher that hands their events to the outbox, and the ledger query behind the
 * money invariant.
 */
@NullMarked
package io.sagaref.payment.application;

import org.jspecify.annotations.NullMarked;
