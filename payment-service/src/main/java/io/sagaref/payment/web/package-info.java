/**
 * HTTP adapter: customer accounts and the internal ledger. Errors are problem details
 * from the shared {@code io.sagaref.web.ApiExceptionHandler}.
 */
@NullMarked
package io.sagaref.payment.web;

import org.jspecify.annotations.NullMarked;
