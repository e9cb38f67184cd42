/**
 * HTTP adapter: customer accounts, their ledgers and reversals, the internal money ledger
 * and the rebuild of the current state. Errors are problem details from the shared
 * {@code io.sagaref.web.ApiExceptionHandler}.
 */
@NullMarked
package io.sagaref.payment.web;

import org.jspecify.annotations.NullMarked;
