/**
 * Use cases of the payment service: one transactional application service per aggregate,
 * and the ledger query behind the money invariant.
 */
@NullMarked
package io.sagaref.payment.application;

import org.jspecify.annotations.NullMarked;
