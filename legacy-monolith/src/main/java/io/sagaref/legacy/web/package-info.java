/**
 * HTTP adapter: the catalog reads the old system still answers, and the operator's switch
 * of the catalog feed. Errors are problem details from the shared
 * {@code ApiExceptionHandler}.
 */
@NullMarked
package io.sagaref.legacy.web;

import org.jspecify.annotations.NullMarked;
