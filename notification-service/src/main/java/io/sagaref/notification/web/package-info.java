/**
 * HTTP adapter: the webhook API under {@code /api/customers/{id}/webhooks}. Errors are
 * problem details from the shared {@code ApiExceptionHandler}.
 */
@NullMarked
package io.sagaref.notification.web;

import org.jspecify.annotations.NullMarked;
