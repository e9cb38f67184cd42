/**
 * HTTP adapter: the product catalog API and the internal stock ledger. Errors are problem
 * details from the shared {@code ApiExceptionHandler}.
 */
@NullMarked
package io.sagaref.inventory.web;

import org.jspecify.annotations.NullMarked;
